-- CreateEnum
CREATE TYPE "RemappingStatus" AS ENUM ('OPEN', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "RemappingTask" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "RemappingStatus" NOT NULL DEFAULT 'OPEN',
    "returnReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemappingTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemappingMapping" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "learningOutcomeId" TEXT NOT NULL,
    "module" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RemappingMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemappingTask_organisationId_status_dueOn_idx" ON "RemappingTask"("organisationId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "RemappingTask_credentialId_createdAt_idx" ON "RemappingTask"("credentialId", "createdAt");

-- CreateIndex
CREATE INDEX "RemappingTask_status_submittedAt_idx" ON "RemappingTask"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RemappingTask_planId_toVersionId_key" ON "RemappingTask"("planId", "toVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "RemappingMapping_taskId_learningOutcomeId_key" ON "RemappingMapping"("taskId", "learningOutcomeId");

-- AddForeignKey
ALTER TABLE "RemappingTask" ADD CONSTRAINT "RemappingTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingTask" ADD CONSTRAINT "RemappingTask_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingTask" ADD CONSTRAINT "RemappingTask_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingTask" ADD CONSTRAINT "RemappingTask_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingTask" ADD CONSTRAINT "RemappingTask_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingMapping" ADD CONSTRAINT "RemappingMapping_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "RemappingTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemappingMapping" ADD CONSTRAINT "RemappingMapping_learningOutcomeId_fkey" FOREIGN KEY ("learningOutcomeId") REFERENCES "LearningOutcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
