-- DropIndex
DROP INDEX "HubEvent_orgId_createdAt_idx";

-- CreateIndex
CREATE INDEX "HubEvent_orgId_createdAt_id_idx" ON "HubEvent"("orgId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "HubEvent_orgId_type_createdAt_id_idx" ON "HubEvent"("orgId", "type", "createdAt", "id");

-- CreateIndex
CREATE INDEX "EventDelivery_orgId_status_createdAt_eventId_idx" ON "EventDelivery"("orgId", "status", "createdAt", "eventId");
