-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "health" TEXT NOT NULL DEFAULT 'healthy',
ADD COLUMN     "healthChangedAt" TIMESTAMP(3),
ADD COLUMN     "healthReason" TEXT;

-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "errorClass" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "errorClass" TEXT;

-- AlterTable
ALTER TABLE "TransferRequest" ADD COLUMN     "errorClass" TEXT;
