-- CreateTable
CREATE TABLE "ProductEventType" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "example" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PublishIdempotencyKey" (
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("orgId", "key")
);

-- CreateIndex
CREATE INDEX "PublishIdempotencyKey_createdAt_idx" ON "PublishIdempotencyKey"("createdAt");
