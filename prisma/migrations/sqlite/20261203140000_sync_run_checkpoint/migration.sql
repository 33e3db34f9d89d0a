-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN "checkpoint" JSONB;
