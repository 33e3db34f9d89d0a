-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "lastSyncCounts" JSONB,
ADD COLUMN     "lastSyncRunId" TEXT;

-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "deletionDecision" TEXT,
ADD COLUMN     "heldDeletions" INTEGER,
ADD COLUMN     "heldSampleIds" JSONB,
ADD COLUMN     "itemsAdded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "itemsRemoved" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "itemsUnchanged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "itemsUpdated" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "lastSeenRunId" TEXT;

-- CreateIndex
CREATE INDEX "Item_orgId_source_active_idx" ON "Item"("orgId", "source", "active");
