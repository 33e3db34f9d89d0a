-- CreateTable
CREATE TABLE "ProductEventType" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "schema" TEXT NOT NULL,
    "example" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductEventType_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "PublishIdempotencyKey" (
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishIdempotencyKey_pkey" PRIMARY KEY ("orgId","key")
);

-- CreateIndex
CREATE INDEX "PublishIdempotencyKey_createdAt_idx" ON "PublishIdempotencyKey"("createdAt");
