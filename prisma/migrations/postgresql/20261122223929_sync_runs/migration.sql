-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "nextSyncAt" TIMESTAMP(3),
ADD COLUMN     "syncIntervalMinutes" INTEGER,
ADD COLUMN     "syncLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "syncRunId" TEXT;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "sourceChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "connectorType" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "changedSince" TIMESTAMP(3),
    "pages" INTEGER NOT NULL DEFAULT 0,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "itemsSynced" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncRun_integrationId_startedAt_idx" ON "SyncRun"("integrationId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_orgId_startedAt_idx" ON "SyncRun"("orgId", "startedAt");

-- CreateIndex
CREATE INDEX "Integration_nextSyncAt_idx" ON "Integration"("nextSyncAt");

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
