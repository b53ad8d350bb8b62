-- CreateIndex
CREATE INDEX "QualityAction_qualityReviewId_status_dueOn_id_idx" ON "QualityAction"("qualityReviewId", "status", "dueOn", "id");
