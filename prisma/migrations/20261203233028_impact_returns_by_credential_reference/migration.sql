-- Staff's impact list orders every return in the country by period (newest first) and then by its credential's
-- reference. Across the join PostgreSQL sorted the newest period's returns on every request (34,000 at national
-- scale, 75-136 ms); with the reference on the return, one index holds the list's order. A credential keeps its
-- reference for good, so the copy made when a return is created stays right.
ALTER TABLE "ImpactReturn" ADD COLUMN "credentialReference" TEXT;
UPDATE "ImpactReturn" r SET "credentialReference" = c.reference FROM "Credential" c WHERE c.id = r."credentialId";
ALTER TABLE "ImpactReturn" ALTER COLUMN "credentialReference" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ImpactReturn_period_credentialReference_id_idx" ON "ImpactReturn"("period" DESC, "credentialReference", "id");

-- CreateIndex
CREATE INDEX "ImpactReturn_status_period_credentialReference_id_idx" ON "ImpactReturn"("status", "period" DESC, "credentialReference", "id");
