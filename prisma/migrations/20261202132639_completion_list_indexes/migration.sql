-- CreateIndex
CREATE INDEX "Completion_status_createdAt_idx" ON "Completion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Completion_createdAt_idx" ON "Completion"("createdAt");
