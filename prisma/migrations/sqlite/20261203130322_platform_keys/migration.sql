-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "disabledAt" DATETIME;

-- CreateTable
CREATE TABLE "PlatformKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformKey_keyHash_key" ON "PlatformKey"("keyHash");
