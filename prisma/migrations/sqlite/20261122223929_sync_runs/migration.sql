-- AlterTable
ALTER TABLE "Integration" ADD COLUMN "nextSyncAt" DATETIME;
ALTER TABLE "Integration" ADD COLUMN "syncIntervalMinutes" INTEGER;
ALTER TABLE "Integration" ADD COLUMN "syncLeaseUntil" DATETIME;
ALTER TABLE "Integration" ADD COLUMN "syncRunId" TEXT;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN "externalId" TEXT;
ALTER TABLE "Item" ADD COLUMN "sourceChangedAt" DATETIME;

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "connectorType" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "changedSince" DATETIME,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "itemsSynced" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "SyncRun_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SyncRun_integrationId_startedAt_idx" ON "SyncRun"("integrationId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_orgId_startedAt_idx" ON "SyncRun"("orgId", "startedAt");

-- CreateIndex
CREATE INDEX "Integration_nextSyncAt_idx" ON "Integration"("nextSyncAt");
