-- CreateIndex
CREATE INDEX "ImpactReturn_status_idx" ON "ImpactReturn"("status");
