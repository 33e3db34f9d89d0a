-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN "errorClass" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "errorClass" TEXT;

-- AlterTable
ALTER TABLE "TransferRequest" ADD COLUMN "errorClass" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Integration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "connectorType" TEXT NOT NULL,
    "tenantUrl" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "credentialsSealed" TEXT NOT NULL,
    "credentialFields" JSONB NOT NULL,
    "webhookSecretSealed" TEXT,
    "previousWebhookSecretSealed" TEXT,
    "previousWebhookSecretUntil" DATETIME,
    "settings" JSONB NOT NULL,
    "itemMappings" JSONB NOT NULL,
    "deliveryMappings" JSONB NOT NULL,
    "lastSyncAt" DATETIME,
    "lastSyncStatus" TEXT,
    "lastSyncItemCount" INTEGER,
    "lastSyncError" TEXT,
    "lastWebhookAt" DATETIME,
    "lastWebhookStatus" TEXT,
    "lastWebhookError" TEXT,
    "health" TEXT NOT NULL DEFAULT 'healthy',
    "healthReason" TEXT,
    "healthChangedAt" DATETIME,
    "syncIntervalMinutes" INTEGER,
    "nextSyncAt" DATETIME,
    "syncRunId" TEXT,
    "syncLeaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Integration_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Integration" ("connectorType", "createdAt", "credentialFields", "credentialsSealed", "deliveryMappings", "enabled", "id", "itemMappings", "lastSyncAt", "lastSyncError", "lastSyncItemCount", "lastSyncStatus", "lastWebhookAt", "lastWebhookError", "lastWebhookStatus", "nextSyncAt", "orgId", "previousWebhookSecretSealed", "previousWebhookSecretUntil", "settings", "syncIntervalMinutes", "syncLeaseUntil", "syncRunId", "tenantUrl", "updatedAt", "webhookSecretSealed") SELECT "connectorType", "createdAt", "credentialFields", "credentialsSealed", "deliveryMappings", "enabled", "id", "itemMappings", "lastSyncAt", "lastSyncError", "lastSyncItemCount", "lastSyncStatus", "lastWebhookAt", "lastWebhookError", "lastWebhookStatus", "nextSyncAt", "orgId", "previousWebhookSecretSealed", "previousWebhookSecretUntil", "settings", "syncIntervalMinutes", "syncLeaseUntil", "syncRunId", "tenantUrl", "updatedAt", "webhookSecretSealed" FROM "Integration";
DROP TABLE "Integration";
ALTER TABLE "new_Integration" RENAME TO "Integration";
CREATE INDEX "Integration_nextSyncAt_idx" ON "Integration"("nextSyncAt");
CREATE UNIQUE INDEX "Integration_orgId_connectorType_key" ON "Integration"("orgId", "connectorType");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
