-- AlterTable
ALTER TABLE "Integration" ADD COLUMN "lastSyncCounts" JSONB;
ALTER TABLE "Integration" ADD COLUMN "lastSyncRunId" TEXT;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN "lastSeenRunId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "connectorType" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "changedSince" DATETIME,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "itemsTotal" INTEGER,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "itemsSynced" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "itemsAdded" INTEGER NOT NULL DEFAULT 0,
    "itemsUpdated" INTEGER NOT NULL DEFAULT 0,
    "itemsUnchanged" INTEGER NOT NULL DEFAULT 0,
    "itemsRemoved" INTEGER NOT NULL DEFAULT 0,
    "heldDeletions" INTEGER,
    "heldSampleIds" JSONB,
    "deletionDecision" TEXT,
    "errors" JSONB NOT NULL,
    "error" TEXT,
    "errorClass" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "SyncRun_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SyncRun" ("changedSince", "connectorType", "error", "errorClass", "errorCount", "errors", "finishedAt", "id", "integrationId", "itemsSeen", "itemsSynced", "itemsTotal", "mode", "orgId", "pages", "startedAt", "status", "trigger") SELECT "changedSince", "connectorType", "error", "errorClass", "errorCount", "errors", "finishedAt", "id", "integrationId", "itemsSeen", "itemsSynced", "itemsTotal", "mode", "orgId", "pages", "startedAt", "status", "trigger" FROM "SyncRun";
DROP TABLE "SyncRun";
ALTER TABLE "new_SyncRun" RENAME TO "SyncRun";
CREATE INDEX "SyncRun_integrationId_startedAt_idx" ON "SyncRun"("integrationId", "startedAt");
CREATE INDEX "SyncRun_orgId_startedAt_idx" ON "SyncRun"("orgId", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Item_orgId_source_active_idx" ON "Item"("orgId", "source", "active");
