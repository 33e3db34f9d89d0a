-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "itemsTotal" INTEGER;
