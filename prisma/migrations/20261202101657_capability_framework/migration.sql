-- CreateEnum
CREATE TYPE "UncoveredDisposition" AS ENUM ('OTHER_PROVISION', 'OUT_OF_SCOPE');

-- AlterTable
ALTER TABLE "SpecificationVersion" ADD COLUMN     "frameworkEditionId" TEXT NOT NULL DEFAULT 'mpf-2017';

-- CreateTable
CREATE TABLE "FrameworkEdition" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sourceTitle" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FrameworkEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoreCapability" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "pillar" "Pillar" NOT NULL,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoreCapability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeCapability" (
    "learningOutcomeId" TEXT NOT NULL,
    "coreCapabilityId" TEXT NOT NULL,

    CONSTRAINT "OutcomeCapability_pkey" PRIMARY KEY ("learningOutcomeId","coreCapabilityId")
);

-- CreateTable
CREATE TABLE "UncoveredCapability" (
    "specificationVersionId" TEXT NOT NULL,
    "coreCapabilityId" TEXT NOT NULL,
    "disposition" "UncoveredDisposition" NOT NULL,
    "provision" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "UncoveredCapability_pkey" PRIMARY KEY ("specificationVersionId","coreCapabilityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkEdition_year_key" ON "FrameworkEdition"("year");

-- CreateIndex
CREATE INDEX "CoreCapability_editionId_position_idx" ON "CoreCapability"("editionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CoreCapability_editionId_number_key" ON "CoreCapability"("editionId", "number");

-- CreateIndex
CREATE INDEX "OutcomeCapability_coreCapabilityId_idx" ON "OutcomeCapability"("coreCapabilityId");

-- AddForeignKey
ALTER TABLE "CoreCapability" ADD CONSTRAINT "CoreCapability_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "FrameworkEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCapability" ADD CONSTRAINT "OutcomeCapability_learningOutcomeId_fkey" FOREIGN KEY ("learningOutcomeId") REFERENCES "LearningOutcome"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCapability" ADD CONSTRAINT "OutcomeCapability_coreCapabilityId_fkey" FOREIGN KEY ("coreCapabilityId") REFERENCES "CoreCapability"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UncoveredCapability" ADD CONSTRAINT "UncoveredCapability_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UncoveredCapability" ADD CONSTRAINT "UncoveredCapability_coreCapabilityId_fkey" FOREIGN KEY ("coreCapabilityId") REFERENCES "CoreCapability"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The framework's editions and core capabilities (sources and paraphrase note: prisma/seed/framework.ts).
INSERT INTO "FrameworkEdition" ("id", "year", "title", "sourceTitle", "sourceUrl", "isCurrent") VALUES ('mpf-2017', 2017, 'Multi-professional framework for advanced clinical practice in England', 'Multi-professional framework for advanced clinical practice in England (Health Education England, 2017)', 'https://www.hee.nhs.uk/sites/default/files/documents/multi-professionalframeworkforadvancedclinicalpracticeinengland.pdf', false);
INSERT INTO "CoreCapability" ("id", "editionId", "pillar", "number", "position", "summary", "updatedAt") VALUES
  ('mpf-2017-1-1', 'mpf-2017', 'CLINICAL_PRACTICE', '1.1', 1, 'Works within their professional code and scope of practice, and answers for what they do and do not do.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-2', 'mpf-2017', 'CLINICAL_PRACTICE', '1.2', 2, 'Understands the wider responsibility and autonomy of the role and where their own competence ends, including under uncertainty.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-3', 'mpf-2017', 'CLINICAL_PRACTICE', '1.3', 3, 'Judges when to ask for help, reflecting critically on their own practice and staying open to change.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-4', 'mpf-2017', 'CLINICAL_PRACTICE', '1.4', 4, 'Assesses people in partnership with them and their families, choosing suitable assessment and diagnostic methods.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-5', 'mpf-2017', 'CLINICAL_PRACTICE', '1.5', 5, 'Communicates so that people can make decisions, plan their care and make changes, in a person-centred way.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-6', 'mpf-2017', 'CLINICAL_PRACTICE', '1.6', 6, 'Reasons clinically through differentiated and undifferentiated presentations, combining sources into evidence-based judgements or diagnoses.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-7', 'mpf-2017', 'CLINICAL_PRACTICE', '1.7', 7, 'Starts, reviews and adjusts interventions, which may include prescribing, therapies and lifestyle advice.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-8', 'mpf-2017', 'CLINICAL_PRACTICE', '1.8', 8, 'Manages clinical risk in complex, unpredictable situations and helps the team keep people safe.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-9', 'mpf-2017', 'CLINICAL_PRACTICE', '1.9', 9, 'Works across agencies and professions, building and reviewing links to manage risk between organisations and settings.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-10', 'mpf-2017', 'CLINICAL_PRACTICE', '1.10', 10, 'Models and champions care that adapts to changing needs, informed by local population health and services.', CURRENT_TIMESTAMP),
  ('mpf-2017-1-11', 'mpf-2017', 'CLINICAL_PRACTICE', '1.11', 11, 'Shows the specialty-specific knowledge, skills and behaviours of their role and applies the capabilities to them.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-1', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.1', 12, 'Builds working relationships and clear roles within teams so that people work together well.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-2', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.2', 13, 'Lives the values of their organisation and keeps service delivery and development person-centred.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-3', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.3', 14, 'Evaluates their own practice and takes part in service evaluation, showing the difference advanced practice makes.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-4', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.4', 15, 'Uses peer review to improve their own and others'' practice and acts on what is learned.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-5', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.5', 16, 'Leads new ways of working and service redesign across boundaries in response to feedback, evaluation and need.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-6', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.6', 17, 'Involves people who use services, communities and colleagues in co-producing improvements.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-7', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.7', 18, 'Offers expert advice across professional and service boundaries to raise quality and reduce unwarranted variation.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-8', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.8', 19, 'Leads teams with resilience through unfamiliar or complex situations and builds others'' confidence.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-9', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.9', 20, 'Keeps practice in step with changing population health need and scans the horizon for what is coming.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-10', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.10', 21, 'Accepts challenge, challenges others constructively and escalates concerns about safety and wellbeing.', CURRENT_TIMESTAMP),
  ('mpf-2017-2-11', 'mpf-2017', 'LEADERSHIP_AND_MANAGEMENT', '2.11', 22, 'Agrees an individual scope of practice within legal, ethical, professional and organisational governance, managing risk.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-1', 'mpf-2017', 'EDUCATION', '3.1', 23, 'Assesses their own learning needs and agrees a development plan spanning all four pillars.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-2', 'mpf-2017', 'EDUCATION', '3.2', 24, 'Directs their own learning, reflecting critically to grow clinical skill and the ability to lead and develop services.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-3', 'mpf-2017', 'EDUCATION', '3.3', 25, 'Responds to people''s motivation and capacity, supporting health literacy and their part in decisions about their care.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-4', 'mpf-2017', 'EDUCATION', '3.4', 26, 'Promotes a learning culture in the organisation that inspires current and future staff.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-5', 'mpf-2017', 'EDUCATION', '3.5', 27, 'Helps the wider team work together and supports peer review to find individual and team learning.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-6', 'mpf-2017', 'EDUCATION', '3.6', 28, 'Identifies further development needs for individuals and the team and helps meet them.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-7', 'mpf-2017', 'EDUCATION', '3.7', 29, 'Builds the team''s capacity and capability through work-based and interprofessional learning applied in practice.', CURRENT_TIMESTAMP),
  ('mpf-2017-3-8', 'mpf-2017', 'EDUCATION', '3.8', 30, 'Acts as role model, educator, supervisor, coach and mentor, building others'' confidence.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-1', 'mpf-2017', 'RESEARCH', '4.1', 31, 'Engages critically in research following good research practice, so evidence-based strategies improve care and value.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-2', 'mpf-2017', 'RESEARCH', '4.2', 32, 'Evaluates and audits their own and others'' practice with sound methods and acts on the findings.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-3', 'mpf-2017', 'RESEARCH', '4.3', 33, 'Appraises and synthesises research, evaluation and audit to underpin their own and others'' practice.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-4', 'mpf-2017', 'RESEARCH', '4.4', 34, 'Identifies gaps in the evidence and its use, and alerts the right people to how they could safely be addressed.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-5', 'mpf-2017', 'RESEARCH', '4.5', 35, 'Recognises where more research is needed and contributes to it, which may include seeking research funding.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-6', 'mpf-2017', 'RESEARCH', '4.6', 36, 'Develops and keeps under review robust governance and systematic documentation processes.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-7', 'mpf-2017', 'RESEARCH', '4.7', 37, 'Shares research findings and quality improvement work through suitable media, such as presentations and publications.', CURRENT_TIMESTAMP),
  ('mpf-2017-4-8', 'mpf-2017', 'RESEARCH', '4.8', 38, 'Connects clinical practice with research through networks with academic, clinical and other researchers.', CURRENT_TIMESTAMP);
INSERT INTO "FrameworkEdition" ("id", "year", "title", "sourceTitle", "sourceUrl", "isCurrent") VALUES ('mpf-2025', 2025, 'Multi-professional framework for advanced practice in England', 'Multi-professional framework for advanced practice in England 2025: capabilities (NHS England Centre for Advancing Practice)', 'https://advanced-practice.hee.nhs.uk/mpf2025/capabilities/', true);
INSERT INTO "CoreCapability" ("id", "editionId", "pillar", "number", "position", "summary", "updatedAt") VALUES
  ('mpf-2025-1-1', 'mpf-2025', 'CLINICAL_PRACTICE', '1.1', 1, 'Works within their professional code and scope of practice, and answers for what they do and do not do.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-2', 'mpf-2025', 'CLINICAL_PRACTICE', '1.2', 2, 'Understands the wider responsibility and autonomy of the role and where their own competence ends, including under uncertainty.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-3', 'mpf-2025', 'CLINICAL_PRACTICE', '1.3', 3, 'Judges when to ask for help, reflecting critically on their own practice and staying open to change.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-4', 'mpf-2025', 'CLINICAL_PRACTICE', '1.4', 4, 'Assesses people in partnership with them and their families, choosing suitable assessment and diagnostic methods.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-5', 'mpf-2025', 'CLINICAL_PRACTICE', '1.5', 5, 'Communicates so that people can make decisions, plan their care and make changes, in a person-centred way.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-6', 'mpf-2025', 'CLINICAL_PRACTICE', '1.6', 6, 'Reasons clinically through differentiated and undifferentiated presentations, combining sources into evidence-based judgements or diagnoses.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-7', 'mpf-2025', 'CLINICAL_PRACTICE', '1.7', 7, 'Starts, reviews and adjusts interventions, which may include prescribing, therapies and lifestyle advice.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-8', 'mpf-2025', 'CLINICAL_PRACTICE', '1.8', 8, 'Manages clinical risk in complex, unpredictable situations and helps the team keep people safe.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-9', 'mpf-2025', 'CLINICAL_PRACTICE', '1.9', 9, 'Works across agencies and professions, building and reviewing links to manage risk between organisations and settings.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-10', 'mpf-2025', 'CLINICAL_PRACTICE', '1.10', 10, 'Models and champions care that adapts to changing needs, informed by local population health and services.', CURRENT_TIMESTAMP),
  ('mpf-2025-1-11', 'mpf-2025', 'CLINICAL_PRACTICE', '1.11', 11, 'Shows the specialty-specific knowledge, skills and behaviours of their role and applies the capabilities to them.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-1', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.1', 12, 'Builds working relationships and clear roles within teams so that people work together well.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-2', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.2', 13, 'Lives the values of their organisation and keeps service delivery and development person-centred.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-3', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.3', 14, 'Evaluates their own practice and takes part in service evaluation, showing the difference advanced practice makes.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-4', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.4', 15, 'Uses peer review to improve their own and others'' practice and acts on what is learned.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-5', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.5', 16, 'Leads new ways of working and service redesign across boundaries in response to feedback, evaluation and need.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-6', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.6', 17, 'Involves people who use services, communities and colleagues in co-producing improvements.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-7', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.7', 18, 'Offers expert advice across professional and service boundaries to raise quality and reduce unwarranted variation.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-8', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.8', 19, 'Leads teams with resilience through unfamiliar or complex situations and builds others'' confidence.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-9', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.9', 20, 'Keeps practice in step with changing population health need and scans the horizon for what is coming.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-10', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.10', 21, 'Accepts challenge, challenges others constructively and escalates concerns about safety and wellbeing.', CURRENT_TIMESTAMP),
  ('mpf-2025-2-11', 'mpf-2025', 'LEADERSHIP_AND_MANAGEMENT', '2.11', 22, 'Agrees an individual scope of practice within legal, ethical, professional and organisational governance, managing risk.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-1', 'mpf-2025', 'EDUCATION', '3.1', 23, 'Assesses their own learning needs and agrees a development plan spanning all four pillars.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-2', 'mpf-2025', 'EDUCATION', '3.2', 24, 'Directs their own learning, reflecting critically to grow clinical skill and the ability to lead and develop services.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-3', 'mpf-2025', 'EDUCATION', '3.3', 25, 'Responds to people''s motivation and capacity, supporting health literacy and their part in decisions about their care.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-4', 'mpf-2025', 'EDUCATION', '3.4', 26, 'Promotes a learning culture in the organisation that inspires current and future staff.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-5', 'mpf-2025', 'EDUCATION', '3.5', 27, 'Helps the wider team work together and supports peer review to find individual and team learning.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-6', 'mpf-2025', 'EDUCATION', '3.6', 28, 'Identifies further development needs for individuals and the team and helps meet them.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-7', 'mpf-2025', 'EDUCATION', '3.7', 29, 'Builds the team''s capacity and capability through work-based and interprofessional learning applied in practice.', CURRENT_TIMESTAMP),
  ('mpf-2025-3-8', 'mpf-2025', 'EDUCATION', '3.8', 30, 'Acts as role model, educator, supervisor, coach and mentor, building others'' confidence.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-1', 'mpf-2025', 'RESEARCH', '4.1', 31, 'Engages critically in research following good research practice, so evidence-based strategies improve care and value.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-2', 'mpf-2025', 'RESEARCH', '4.2', 32, 'Evaluates and audits their own and others'' practice with sound methods and acts on the findings.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-3', 'mpf-2025', 'RESEARCH', '4.3', 33, 'Appraises and synthesises research, evaluation and audit to underpin their own and others'' practice.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-4', 'mpf-2025', 'RESEARCH', '4.4', 34, 'Identifies gaps in the evidence and its use, and alerts the right people to how they could safely be addressed.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-5', 'mpf-2025', 'RESEARCH', '4.5', 35, 'Recognises where more research is needed and contributes to it, which may include seeking research funding.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-6', 'mpf-2025', 'RESEARCH', '4.6', 36, 'Develops and keeps under review robust governance and systematic documentation processes.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-7', 'mpf-2025', 'RESEARCH', '4.7', 37, 'Shares research findings and quality improvement work through suitable media, such as presentations and publications.', CURRENT_TIMESTAMP),
  ('mpf-2025-4-8', 'mpf-2025', 'RESEARCH', '4.8', 38, 'Connects clinical practice with research through networks with academic, clinical and other researchers.', CURRENT_TIMESTAMP);

-- Existing versions were drafted against the 2017 edition (the column default above gave them it).
-- AddForeignKey
ALTER TABLE "SpecificationVersion" ADD CONSTRAINT "SpecificationVersion_frameworkEditionId_fkey" FOREIGN KEY ("frameworkEditionId") REFERENCES "FrameworkEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
