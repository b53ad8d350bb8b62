-- CreateIndex
CREATE INDEX "AuditEvent_entityType_id_idx" ON "AuditEvent"("entityType", "id");
