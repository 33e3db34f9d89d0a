-- CreateTable
CREATE TABLE "RecordChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "txid" BIGINT NOT NULL DEFAULT 0,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "source" TEXT,
    "changedAt" DATETIME NOT NULL,
    CONSTRAINT "RecordChange_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RecordChange_orgId_kind_txid_seq_idx" ON "RecordChange"("orgId", "kind", "txid", "seq");
