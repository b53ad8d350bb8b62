-- CreateEnum
CREATE TYPE "GatewayProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_ASSESSMENT', 'MORE_INFORMATION_REQUESTED', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ProposalCriterionVerdict" AS ENUM ('MET', 'NOT_MET', 'MORE_EVIDENCE_NEEDED');

-- CreateTable
CREATE TABLE "GatewayProposal" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "needSummary" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "status" "GatewayProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "feedback" TEXT NOT NULL DEFAULT '',
    "declinedReason" TEXT,
    "priorityId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayProposalAnswer" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "verdict" "ProposalCriterionVerdict",
    "assessmentComment" TEXT NOT NULL DEFAULT '',
    "assessedById" TEXT,
    "assessedAt" TIMESTAMP(3),

    CONSTRAINT "GatewayProposalAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GatewayProposal_priorityId_key" ON "GatewayProposal"("priorityId");

-- CreateIndex
CREATE INDEX "GatewayProposal_organisationId_status_idx" ON "GatewayProposal"("organisationId", "status");

-- CreateIndex
CREATE INDEX "GatewayProposal_status_updatedAt_idx" ON "GatewayProposal"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayProposalAnswer_proposalId_criterionId_key" ON "GatewayProposalAnswer"("proposalId", "criterionId");

-- AddForeignKey
ALTER TABLE "GatewayProposal" ADD CONSTRAINT "GatewayProposal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayProposal" ADD CONSTRAINT "GatewayProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayProposal" ADD CONSTRAINT "GatewayProposal_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayProposal" ADD CONSTRAINT "GatewayProposal_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayProposalAnswer" ADD CONSTRAINT "GatewayProposalAnswer_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "GatewayProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayProposalAnswer" ADD CONSTRAINT "GatewayProposalAnswer_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
