-- Criteria become versioned sets; reviewers carry their expertise. The criteria in use before this migration (and
-- every rating and gateway answer made against them) move, with their ids, into one published set per kind, named
-- for what they were, so nothing is lost and past reviews read as they did.

-- CreateEnum
CREATE TYPE "CriteriaSetKind" AS ENUM ('GATEWAY', 'ENDORSEMENT');

-- CreateEnum
CREATE TYPE "CriteriaSetStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ReviewerExpertise" AS ENUM ('ACADEMIC', 'CLINICAL', 'SERVICE_USER_OR_LAY');

-- DropForeignKey
ALTER TABLE "CriterionAssessment" DROP CONSTRAINT "CriterionAssessment_criterionId_fkey";

-- DropForeignKey
ALTER TABLE "GatewayAssessment" DROP CONSTRAINT "GatewayAssessment_criterionId_fkey";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "clinicalProfessions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "expertise" "ReviewerExpertise"[] DEFAULT ARRAY[]::"ReviewerExpertise"[];

-- AlterTable
ALTER TABLE "Priority" ADD COLUMN     "gatewayCriteriaSetId" TEXT;

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" TEXT NOT NULL,
    "kind" "CriteriaSetKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "status" "CriteriaSetStatus" NOT NULL DEFAULT 'DRAFT',
    "effectiveFrom" DATE,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "parentId" TEXT,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- Version 0 of each kind holds what was used before the Centre's published sets were entered.
INSERT INTO "CriteriaSet" ("id", "kind", "number", "name", "source", "status", "effectiveFrom", "publishedAt")
SELECT 'criteria-set-endorsement-0', 'ENDORSEMENT', 0, 'Demo endorsement criteria used before version 1',
       'Entered for the demonstration before versioned criteria sets; not the Centre''s published wording.',
       'PUBLISHED',
       LEAST(CURRENT_DATE, COALESCE((SELECT MIN("createdAt")::date FROM "EndorsementReview"), CURRENT_DATE)),
       CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "EndorsementCriterion") OR EXISTS (SELECT 1 FROM "EndorsementReview");

INSERT INTO "CriteriaSet" ("id", "kind", "number", "name", "source", "status", "effectiveFrom", "publishedAt")
SELECT 'criteria-set-gateway-0', 'GATEWAY', 0, 'Gateway criteria used before version 1',
       'Entered for the demonstration before versioned criteria sets.',
       'PUBLISHED',
       LEAST(CURRENT_DATE, COALESCE((SELECT MIN("assessedAt")::date FROM "GatewayAssessment"), CURRENT_DATE)),
       CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "GatewayCriterion");

INSERT INTO "Criterion" ("id", "setId", "number", "title", "description", "sortOrder")
SELECT "id", 'criteria-set-endorsement-0', "number", "title", "description", "sortOrder" FROM "EndorsementCriterion";

INSERT INTO "Criterion" ("id", "setId", "number", "title", "description", "sortOrder")
SELECT "id", 'criteria-set-gateway-0', "number", "title", "description", "sortOrder" FROM "GatewayCriterion";

-- AlterTable
ALTER TABLE "EndorsementReview" ADD COLUMN     "criteriaSetId" TEXT;
UPDATE "EndorsementReview" SET "criteriaSetId" = 'criteria-set-endorsement-0';
ALTER TABLE "EndorsementReview" ALTER COLUMN "criteriaSetId" SET NOT NULL;

UPDATE "Priority" SET "gatewayCriteriaSetId" = 'criteria-set-gateway-0'
WHERE EXISTS (SELECT 1 FROM "GatewayAssessment" g WHERE g."priorityId" = "Priority"."id");

-- DropTable
DROP TABLE "EndorsementCriterion";

-- DropTable
DROP TABLE "GatewayCriterion";

-- CreateIndex
CREATE INDEX "CriteriaSet_kind_status_effectiveFrom_idx" ON "CriteriaSet"("kind", "status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_kind_number_key" ON "CriteriaSet"("kind", "number");

-- CreateIndex
CREATE INDEX "Criterion_parentId_idx" ON "Criterion"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_setId_number_key" ON "Criterion"("setId", "number");

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementReview" ADD CONSTRAINT "EndorsementReview_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionAssessment" ADD CONSTRAINT "CriterionAssessment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_gatewayCriteriaSetId_fkey" FOREIGN KEY ("gatewayCriteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewayAssessment" ADD CONSTRAINT "GatewayAssessment_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
