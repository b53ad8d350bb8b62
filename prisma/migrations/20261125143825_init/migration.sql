-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CommissionStatus" AS ENUM ('DRAFT', 'ISSUED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CredentialOrigin" AS ENUM ('COMMISSIONED', 'PILOT_PHASE_1', 'PILOT_PHASE_2');

-- CreateEnum
CREATE TYPE "CredentialStatus" AS ENUM ('IN_DEVELOPMENT', 'ENDORSED', 'UNDER_PERIODIC_REVIEW', 'REVISION_REQUIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DeliveryPlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "EndorsementReviewStatus" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "EndorsementDecision" AS ENUM ('ENDORSE', 'ENDORSE_WITH_CONDITIONS', 'REQUEST_CHANGES', 'DECLINE');

-- CreateEnum
CREATE TYPE "ReviewerAssignmentStatus" AS ENUM ('ASSIGNED', 'SUBMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CriterionRating" AS ENUM ('MET', 'PARTIALLY_MET', 'NOT_MET');

-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('OPEN', 'MET');

-- CreateEnum
CREATE TYPE "ImpactReturnStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'QUERIED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "CompletionStatus" AS ENUM ('RECORDED', 'RECOGNISED', 'REVOKED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CENTRE_STAFF', 'EXPERT', 'PROVIDER', 'REVIEWER');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('CENTRE', 'EXPERT_GROUP', 'EDUCATION_PROVIDER', 'OTHER');

-- CreateEnum
CREATE TYPE "PeriodicReviewStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'CONCLUDED');

-- CreateEnum
CREATE TYPE "PeriodicOutcome" AS ENUM ('REAFFIRMED', 'REVISION_REQUIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CurrencyCheckKind" AS ENUM ('CHANGING_NEEDS', 'EVIDENCE_BASE', 'TECHNOLOGICAL_ADVANCES', 'NEW_MODELS_OF_CARE');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PriorityStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "GatewayOutcome" AS ENUM ('NOT_ASSESSED', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "AnnualReturnStatus" AS ENUM ('OPEN', 'SUBMITTED', 'QUERIED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "QualityReviewStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'REPORTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "QualityOutcome" AS ENUM ('MEETS_STANDARDS', 'REQUIRES_IMPROVEMENT', 'DOES_NOT_MEET');

-- CreateEnum
CREATE TYPE "StandardArea" AS ENUM ('CURRICULUM_AND_ASSESSMENT', 'SUPERVISION', 'LEARNING_ENVIRONMENT', 'LEARNER_SUPPORT', 'GOVERNANCE');

-- CreateEnum
CREATE TYPE "FindingRating" AS ENUM ('GOOD', 'SATISFACTORY', 'REQUIRES_IMPROVEMENT', 'INADEQUATE');

-- CreateEnum
CREATE TYPE "QualityActionStatus" AS ENUM ('OPEN', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SpecificationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'ENDORSED', 'DECLINED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Pillar" AS ENUM ('CLINICAL_PRACTICE', 'LEADERSHIP_AND_MANAGEMENT', 'EDUCATION', 'RESEARCH');

-- CreateTable
CREATE TABLE "Commission" (
    "id" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "brief" TEXT NOT NULL,
    "deliverables" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "CommissionStatus" NOT NULL DEFAULT 'DRAFT',
    "reason" TEXT,
    "issuedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "credentialId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "ownerOrganisationId" TEXT NOT NULL,
    "origin" "CredentialOrigin" NOT NULL,
    "status" "CredentialStatus" NOT NULL DEFAULT 'IN_DEVELOPMENT',
    "priorityId" TEXT,
    "endorsedVersionId" TEXT,
    "endorsedAt" TIMESTAMP(3),
    "reviewDueAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryPlan" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "specificationVersionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "programmeTitle" TEXT NOT NULL,
    "award" TEXT NOT NULL DEFAULT '',
    "deliveryMode" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE,
    "cohortSize" INTEGER,
    "staffingAndSupervision" TEXT NOT NULL DEFAULT '',
    "qualityAssurance" TEXT NOT NULL DEFAULT '',
    "status" "DeliveryPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "conditions" TEXT,
    "decisionRationale" TEXT,
    "flaggedAt" TIMESTAMP(3),
    "flagReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeMapping" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "learningOutcomeId" TEXT NOT NULL,
    "module" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,

    CONSTRAINT "OutcomeMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndorsementCriterion" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EndorsementCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndorsementReview" (
    "id" TEXT NOT NULL,
    "specificationVersionId" TEXT NOT NULL,
    "status" "EndorsementReviewStatus" NOT NULL DEFAULT 'OPEN',
    "decision" "EndorsementDecision",
    "rationale" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndorsementReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerAssignment" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "status" "ReviewerAssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "recommendation" "EndorsementDecision",
    "overallComment" TEXT NOT NULL DEFAULT '',
    "dueOn" DATE,
    "submittedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionAssessment" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "rating" "CriterionRating" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CriterionAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndorsementCondition" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "ConditionStatus" NOT NULL DEFAULT 'OPEN',
    "metNote" TEXT,
    "metAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndorsementCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactReturn" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "enrolled" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "withdrawn" INTEGER NOT NULL,
    "deployed" INTEGER NOT NULL,
    "employerFeedback" TEXT NOT NULL DEFAULT '',
    "patientBenefit" TEXT NOT NULL DEFAULT '',
    "status" "ImpactReturnStatus" NOT NULL DEFAULT 'DRAFT',
    "queryReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactByProfession" (
    "id" TEXT NOT NULL,
    "impactReturnId" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "enrolled" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "deployed" INTEGER NOT NULL,

    CONSTRAINT "ImpactByProfession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT,
    "period" TEXT,
    "conclusion" TEXT NOT NULL,
    "recommendations" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Completion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "practitionerName" TEXT NOT NULL,
    "registration" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "status" "CompletionStatus" NOT NULL DEFAULT 'RECORDED',
    "badgeId" TEXT,
    "recognisedAt" TIMESTAMP(3),
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Completion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "organisationId" TEXT,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodicReview" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "PeriodicReviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "outcome" "PeriodicOutcome",
    "rationale" TEXT,
    "overdueFlaggedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "concludedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodicReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurrencyCheck" (
    "id" TEXT NOT NULL,
    "periodicReviewId" TEXT NOT NULL,
    "kind" "CurrencyCheckKind" NOT NULL,
    "finding" TEXT NOT NULL,
    "changeNeeded" BOOLEAN NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CurrencyCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "specificationVersionId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessFeedback" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "credentialId" TEXT,
    "stage" TEXT NOT NULL,
    "rating" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "actorId" TEXT,
    "actorRole" TEXT,
    "reason" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityRound" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT',
    "opensOn" DATE,
    "closesOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriorityRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Priority" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "workforceNeed" TEXT NOT NULL,
    "populationNeed" TEXT NOT NULL,
    "longTermPlanLink" TEXT NOT NULL,
    "professions" TEXT[],
    "estimatedScale" INTEGER,
    "rank" INTEGER NOT NULL,
    "status" "PriorityStatus" NOT NULL DEFAULT 'DRAFT',
    "gatewayOutcome" "GatewayOutcome" NOT NULL DEFAULT 'NOT_ASSESSED',
    "closedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayCriterion" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "GatewayCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayAssessment" (
    "id" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "rationale" TEXT NOT NULL,
    "assessedById" TEXT NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GatewayAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualReturn" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "AnnualReturnStatus" NOT NULL DEFAULT 'OPEN',
    "cohorts" TEXT NOT NULL DEFAULT '',
    "changesToDelivery" TEXT NOT NULL DEFAULT '',
    "staffing" TEXT NOT NULL DEFAULT '',
    "concerns" TEXT NOT NULL DEFAULT '',
    "queryReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "lateFlaggedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReview" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "scheduledOn" DATE NOT NULL,
    "status" "QualityReviewStatus" NOT NULL DEFAULT 'PLANNED',
    "outcome" "QualityOutcome",
    "summary" TEXT,
    "createdById" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReviewer" (
    "qualityReviewId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,

    CONSTRAINT "QualityReviewer_pkey" PRIMARY KEY ("qualityReviewId","reviewerId")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "qualityReviewId" TEXT NOT NULL,
    "area" "StandardArea" NOT NULL,
    "rating" "FindingRating" NOT NULL,
    "evidence" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityAction" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "qualityReviewId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "QualityActionStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "reason" TEXT,
    "respondedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecificationVersion" (
    "id" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "SpecificationStatus" NOT NULL DEFAULT 'DRAFT',
    "basedOnId" TEXT,
    "purposeAndScope" TEXT NOT NULL DEFAULT '',
    "targetGroup" TEXT NOT NULL DEFAULT '',
    "entryRequirements" TEXT NOT NULL DEFAULT '',
    "linksToOtherProvision" TEXT NOT NULL DEFAULT '',
    "assessmentStrategy" TEXT NOT NULL DEFAULT '',
    "academicLevel" INTEGER NOT NULL DEFAULT 7,
    "credits" INTEGER,
    "notionalHours" INTEGER,
    "deliveryModes" TEXT[],
    "supervisionRequirements" TEXT NOT NULL DEFAULT '',
    "evidenceBase" TEXT NOT NULL DEFAULT '',
    "changeSummary" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecificationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningOutcome" (
    "id" TEXT NOT NULL,
    "specificationVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "pillars" "Pillar"[],

    CONSTRAINT "LearningOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Epa" (
    "id" TEXT NOT NULL,
    "specificationVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Epa_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commission_credentialId_key" ON "Commission"("credentialId");

-- CreateIndex
CREATE INDEX "Commission_organisationId_status_idx" ON "Commission"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Commission_status_dueOn_idx" ON "Commission"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_reference_key" ON "Credential"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Credential_endorsedVersionId_key" ON "Credential"("endorsedVersionId");

-- CreateIndex
CREATE INDEX "Credential_status_publishedAt_idx" ON "Credential"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Credential_ownerOrganisationId_status_idx" ON "Credential"("ownerOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Credential_reviewDueAt_idx" ON "Credential"("reviewDueAt");

-- CreateIndex
CREATE INDEX "DeliveryPlan_organisationId_status_idx" ON "DeliveryPlan"("organisationId", "status");

-- CreateIndex
CREATE INDEX "DeliveryPlan_credentialId_status_idx" ON "DeliveryPlan"("credentialId", "status");

-- CreateIndex
CREATE INDEX "DeliveryPlan_status_submittedAt_idx" ON "DeliveryPlan"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeMapping_planId_learningOutcomeId_key" ON "OutcomeMapping"("planId", "learningOutcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "EndorsementCriterion_number_key" ON "EndorsementCriterion"("number");

-- CreateIndex
CREATE UNIQUE INDEX "EndorsementReview_specificationVersionId_key" ON "EndorsementReview"("specificationVersionId");

-- CreateIndex
CREATE INDEX "EndorsementReview_status_idx" ON "EndorsementReview"("status");

-- CreateIndex
CREATE INDEX "ReviewerAssignment_reviewerId_status_idx" ON "ReviewerAssignment"("reviewerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewerAssignment_reviewId_reviewerId_key" ON "ReviewerAssignment"("reviewId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionAssessment_assignmentId_criterionId_key" ON "CriterionAssessment"("assignmentId", "criterionId");

-- CreateIndex
CREATE INDEX "EndorsementCondition_credentialId_status_idx" ON "EndorsementCondition"("credentialId", "status");

-- CreateIndex
CREATE INDEX "ImpactReturn_credentialId_status_period_idx" ON "ImpactReturn"("credentialId", "status", "period");

-- CreateIndex
CREATE INDEX "ImpactReturn_organisationId_status_idx" ON "ImpactReturn"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactReturn_planId_period_key" ON "ImpactReturn"("planId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactByProfession_impactReturnId_profession_key" ON "ImpactByProfession"("impactReturnId", "profession");

-- CreateIndex
CREATE INDEX "Evaluation_credentialId_createdAt_idx" ON "Evaluation"("credentialId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Completion_badgeId_key" ON "Completion"("badgeId");

-- CreateIndex
CREATE INDEX "Completion_credentialId_status_idx" ON "Completion"("credentialId", "status");

-- CreateIndex
CREATE INDEX "Completion_organisationId_status_idx" ON "Completion"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Completion_registration_idx" ON "Completion"("registration");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "PeriodicReview_status_dueAt_idx" ON "PeriodicReview"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodicReview_credentialId_dueAt_key" ON "PeriodicReview"("credentialId", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CurrencyCheck_periodicReviewId_kind_key" ON "CurrencyCheck"("periodicReviewId", "kind");

-- CreateIndex
CREATE INDEX "Comment_specificationVersionId_section_createdAt_idx" ON "Comment"("specificationVersionId", "section", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_createdAt_idx" ON "EmailOutbox"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProcessFeedback_stage_createdAt_idx" ON "ProcessFeedback"("stage", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PriorityRound_name_key" ON "PriorityRound"("name");

-- CreateIndex
CREATE INDEX "PriorityRound_status_idx" ON "PriorityRound"("status");

-- CreateIndex
CREATE INDEX "Priority_roundId_rank_idx" ON "Priority"("roundId", "rank");

-- CreateIndex
CREATE INDEX "Priority_status_gatewayOutcome_idx" ON "Priority"("status", "gatewayOutcome");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayCriterion_number_key" ON "GatewayCriterion"("number");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayAssessment_priorityId_criterionId_key" ON "GatewayAssessment"("priorityId", "criterionId");

-- CreateIndex
CREATE INDEX "AnnualReturn_status_dueOn_idx" ON "AnnualReturn"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReturn_planId_year_key" ON "AnnualReturn"("planId", "year");

-- CreateIndex
CREATE INDEX "QualityReview_status_scheduledOn_idx" ON "QualityReview"("status", "scheduledOn");

-- CreateIndex
CREATE INDEX "QualityReview_planId_idx" ON "QualityReview"("planId");

-- CreateIndex
CREATE INDEX "QualityReviewer_reviewerId_idx" ON "QualityReviewer"("reviewerId");

-- CreateIndex
CREATE INDEX "Finding_qualityReviewId_idx" ON "Finding"("qualityReviewId");

-- CreateIndex
CREATE INDEX "QualityAction_organisationId_status_dueOn_idx" ON "QualityAction"("organisationId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "QualityAction_status_dueOn_idx" ON "QualityAction"("status", "dueOn");

-- CreateIndex
CREATE INDEX "SpecificationVersion_status_submittedAt_idx" ON "SpecificationVersion"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SpecificationVersion_credentialId_number_key" ON "SpecificationVersion"("credentialId", "number");

-- CreateIndex
CREATE INDEX "LearningOutcome_specificationVersionId_position_idx" ON "LearningOutcome"("specificationVersionId", "position");

-- CreateIndex
CREATE INDEX "Epa_specificationVersionId_position_idx" ON "Epa"("specificationVersionId", "position");

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_endorsedVersionId_fkey" FOREIGN KEY ("endorsedVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMapping" ADD CONSTRAINT "OutcomeMapping_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMapping" ADD CONSTRAINT "OutcomeMapping_learningOutcomeId_fkey" FOREIGN KEY ("learningOutcomeId") REFERENCES "LearningOutcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementReview" ADD CONSTRAINT "EndorsementReview_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAssignment" ADD CONSTRAINT "ReviewerAssignment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EndorsementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAssignment" ADD CONSTRAINT "ReviewerAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewerAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "EndorsementCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementCondition" ADD CONSTRAINT "EndorsementCondition_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EndorsementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementCondition" ADD CONSTRAINT "EndorsementCondition_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactReturn" ADD CONSTRAINT "ImpactReturn_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactReturn" ADD CONSTRAINT "ImpactReturn_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactReturn" ADD CONSTRAINT "ImpactReturn_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactByProfession" ADD CONSTRAINT "ImpactByProfession_impactReturnId_fkey" FOREIGN KEY ("impactReturnId") REFERENCES "ImpactReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReview" ADD CONSTRAINT "PeriodicReview_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurrencyCheck" ADD CONSTRAINT "CurrencyCheck_periodicReviewId_fkey" FOREIGN KEY ("periodicReviewId") REFERENCES "PeriodicReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessFeedback" ADD CONSTRAINT "ProcessFeedback_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PriorityRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssessment" ADD CONSTRAINT "GatewayAssessment_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssessment" ADD CONSTRAINT "GatewayAssessment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "GatewayCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReturn" ADD CONSTRAINT "AnnualReturn_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReview" ADD CONSTRAINT "QualityReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReviewer" ADD CONSTRAINT "QualityReviewer_qualityReviewId_fkey" FOREIGN KEY ("qualityReviewId") REFERENCES "QualityReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReviewer" ADD CONSTRAINT "QualityReviewer_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_qualityReviewId_fkey" FOREIGN KEY ("qualityReviewId") REFERENCES "QualityReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityAction" ADD CONSTRAINT "QualityAction_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityAction" ADD CONSTRAINT "QualityAction_qualityReviewId_fkey" FOREIGN KEY ("qualityReviewId") REFERENCES "QualityReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityAction" ADD CONSTRAINT "QualityAction_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecificationVersion" ADD CONSTRAINT "SpecificationVersion_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningOutcome" ADD CONSTRAINT "LearningOutcome_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Epa" ADD CONSTRAINT "Epa_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only: refuse every UPDATE and DELETE of an audit event.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
