-- CreateIndex
CREATE INDEX "Commission_priorityId_createdAt_idx" ON "Commission"("priorityId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_id_idx" ON "Comment"("parentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "QualityAction_findingId_createdAt_id_idx" ON "QualityAction"("findingId", "createdAt", "id");
