-- CreateEnum
CREATE TYPE "PlanChangeStatus" AS ENUM ('REPORTED', 'MORE_INFORMATION_REQUESTED', 'NOTED', 'APPROVED', 'REJECTED', 'PLAN_REVIEW_REQUIRED');

-- CreateEnum
CREATE TYPE "PlanChangeKind" AS ENUM ('MINOR', 'MAJOR');

-- CreateEnum
CREATE TYPE "PlanChangeCategory" AS ENUM ('STAFFING', 'DATES', 'DELIVERY_MODE', 'ASSESSMENT', 'LEARNING_OUTCOMES', 'PARTNER');

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "reportedById" TEXT NOT NULL,
    "category" "PlanChangeCategory" NOT NULL,
    "kind" "PlanChangeKind" NOT NULL,
    "whatChanged" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "status" "PlanChangeStatus" NOT NULL DEFAULT 'REPORTED',
    "question" TEXT,
    "outcomeReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanChange_planId_createdAt_idx" ON "PlanChange"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanChange_organisationId_status_idx" ON "PlanChange"("organisationId", "status");

-- CreateIndex
CREATE INDEX "PlanChange_status_createdAt_idx" ON "PlanChange"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanChange" ADD CONSTRAINT "PlanChange_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
