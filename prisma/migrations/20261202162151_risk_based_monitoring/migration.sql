-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "PlanRiskStatus" AS ENUM ('RATED', 'OVERRIDDEN');

-- CreateEnum
CREATE TYPE "EnhancedMonitoringStatus" AS ENUM ('ACTIVE', 'LIFTED');

-- CreateEnum
CREATE TYPE "MonitoringReportStatus" AS ENUM ('OPEN', 'SUBMITTED', 'QUERIED', 'ACCEPTED', 'CANCELLED');

-- CreateTable
CREATE TABLE "RiskRuleSet" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "withdrawalMediumPercent" INTEGER NOT NULL,
    "withdrawalHighPercent" INTEGER NOT NULL,
    "satisfactionBelowPercent" INTEGER NOT NULL,
    "requiresImprovementLevel" "RiskLevel" NOT NULL,
    "doesNotMeetLevel" "RiskLevel" NOT NULL,
    "overdueReturnLevel" "RiskLevel" NOT NULL,
    "reviewMonthsLow" INTEGER NOT NULL,
    "reviewMonthsMedium" INTEGER NOT NULL,
    "reviewMonthsHigh" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRisk" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ruleSetId" TEXT NOT NULL,
    "status" "PlanRiskStatus" NOT NULL DEFAULT 'RATED',
    "computed" "RiskLevel" NOT NULL,
    "reasons" TEXT[],
    "overrideLevel" "RiskLevel",
    "overrideReason" TEXT,
    "nextReviewDueOn" DATE NOT NULL,
    "ratedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanRisk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnhancedMonitoring" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "status" "EnhancedMonitoringStatus" NOT NULL DEFAULT 'ACTIVE',
    "reason" TEXT NOT NULL,
    "liftReason" TEXT,
    "placedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnhancedMonitoring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" TEXT NOT NULL,
    "monitoringId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "MonitoringReportStatus" NOT NULL DEFAULT 'OPEN',
    "narrative" TEXT NOT NULL DEFAULT '',
    "queryReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskRuleSet_number_key" ON "RiskRuleSet"("number");

-- CreateIndex
CREATE INDEX "RiskRuleSet_effectiveFrom_idx" ON "RiskRuleSet"("effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRisk_planId_key" ON "PlanRisk"("planId");

-- CreateIndex
CREATE INDEX "PlanRisk_nextReviewDueOn_idx" ON "PlanRisk"("nextReviewDueOn");

-- CreateIndex
CREATE INDEX "EnhancedMonitoring_planId_status_idx" ON "EnhancedMonitoring"("planId", "status");

-- CreateIndex
CREATE INDEX "MonitoringReport_status_dueOn_idx" ON "MonitoringReport"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringReport_monitoringId_sequence_key" ON "MonitoringReport"("monitoringId", "sequence");

-- AddForeignKey
ALTER TABLE "PlanRisk" ADD CONSTRAINT "PlanRisk_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRisk" ADD CONSTRAINT "PlanRisk_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RiskRuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnhancedMonitoring" ADD CONSTRAINT "EnhancedMonitoring_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_monitoringId_fkey" FOREIGN KEY ("monitoringId") REFERENCES "EnhancedMonitoring"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One spell of enhanced monitoring at a time per plan (Prisma's schema cannot say "unique where active").
CREATE UNIQUE INDEX "EnhancedMonitoring_one_active_per_plan" ON "EnhancedMonitoring"("planId") WHERE "status" = 'ACTIVE';

-- No risk rule set is inserted: the Centre publishes no thresholds or review intervals for this (see README,
-- "Risk-based monitoring"); admins publish the first version, and the demo seed adds a demonstration set.
