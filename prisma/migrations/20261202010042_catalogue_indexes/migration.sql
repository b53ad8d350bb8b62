-- CreateIndex
CREATE INDEX "Credential_title_id_idx" ON "Credential"("title", "id");

-- CreateIndex
CREATE INDEX "Credential_endorsedAt_id_idx" ON "Credential"("endorsedAt" DESC, "id" DESC);
