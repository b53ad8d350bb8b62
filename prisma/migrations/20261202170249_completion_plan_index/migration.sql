-- CreateIndex
CREATE INDEX "Completion_planId_status_idx" ON "Completion"("planId", "status");
