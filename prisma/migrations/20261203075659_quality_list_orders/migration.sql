-- DropIndex
DROP INDEX "AnnualReturn_dueOn_idx";

-- DropIndex
DROP INDEX "QualityReview_status_scheduledOn_idx";

-- DropIndex
DROP INDEX "QualityAction_organisationId_status_dueOn_idx";

-- DropIndex
DROP INDEX "QualityAction_status_dueOn_idx";

-- CreateIndex
CREATE INDEX "AnnualReturn_dueOn_id_idx" ON "AnnualReturn"("dueOn", "id");

-- CreateIndex
CREATE INDEX "QualityReview_status_scheduledOn_id_idx" ON "QualityReview"("status", "scheduledOn", "id");

-- CreateIndex
CREATE INDEX "QualityAction_organisationId_status_dueOn_id_idx" ON "QualityAction"("organisationId", "status", "dueOn", "id");

-- CreateIndex
CREATE INDEX "QualityAction_status_dueOn_id_idx" ON "QualityAction"("status", "dueOn", "id");
