-- CreateIndex
CREATE INDEX "DeliveryPlan_organisationId_updatedAt_idx" ON "DeliveryPlan"("organisationId", "updatedAt");

-- CreateIndex
CREATE INDEX "DeliveryPlan_status_updatedAt_idx" ON "DeliveryPlan"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "DeliveryPlan_updatedAt_idx" ON "DeliveryPlan"("updatedAt");

-- CreateIndex
CREATE INDEX "ImpactReturn_organisationId_period_idx" ON "ImpactReturn"("organisationId", "period");

-- CreateIndex
CREATE INDEX "ImpactReturn_period_idx" ON "ImpactReturn"("period");

-- CreateIndex
CREATE INDEX "Completion_organisationId_createdAt_idx" ON "Completion"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ProcessFeedback_authorId_createdAt_idx" ON "ProcessFeedback"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "ProcessFeedback_createdAt_id_idx" ON "ProcessFeedback"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_entityId_id_idx" ON "AuditEvent"("entityId", "id");

-- CreateIndex
CREATE INDEX "AnnualReturn_dueOn_idx" ON "AnnualReturn"("dueOn");
