-- Practitioners as people, the maintained list of professions, and signed badges with a status list.
-- Existing completions move to practitioner rows, one per distinct name and organisation; each completion keeps
-- the name, registration and profession it was recorded with, so nothing is lost.

-- CreateEnum
CREATE TYPE "RecognitionRoute" AS ENUM ('MSC', 'EPORTFOLIO', 'IN_PROGRAMME');

-- CreateTable
CREATE TABLE "Profession" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regulator" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Profession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practitioner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "professionId" TEXT,
    "registrationNumber" TEXT,
    "recognitionRoute" "RecognitionRoute",
    "listedInDirectory" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practitioner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Profession_name_key" ON "Profession"("name");

-- CreateIndex
CREATE INDEX "Profession_retiredAt_name_idx" ON "Profession"("retiredAt", "name");

-- CreateIndex
CREATE INDEX "Practitioner_organisationId_name_idx" ON "Practitioner"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Practitioner_listedInDirectory_name_idx" ON "Practitioner"("listedInDirectory", "name");

-- CreateIndex
CREATE INDEX "Practitioner_professionId_idx" ON "Practitioner"("professionId");

-- AddForeignKey
ALTER TABLE "Practitioner" ADD CONSTRAINT "Practitioner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Practitioner" ADD CONSTRAINT "Practitioner_professionId_fkey" FOREIGN KEY ("professionId") REFERENCES "Profession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The regulated professions whose registrants practise at advanced level (reference data every database needs;
-- admins maintain it afterwards at /admin/professions). Sources:
--   "Advanced Practitioner", HWE Training Hub, https://www.hwetraininghub.org.uk/roles/advanced-practitioners
--     (advanced practitioners come from nursing, pharmacy, paramedics, other allied health professions and midwifery);
--   "Registered professionals", HCPC, https://www.hcpc-uk.org/concerns/what-we-investigate/registered-professionals/
--     (the 15 professions the HCPC regulates);
--   HCPC "Journalist FAQs", http://hcpc-uk.org/mediaandevents/pressreleases/faqs/ (the NMC regulates nurses and
--     midwives); pharmacists are registered with the General Pharmaceutical Council (GPhC).
-- Names follow the discipline names the app already uses ("Physiotherapy", "Nursing").
INSERT INTO "Profession" ("id", "name", "regulator", "updatedAt")
SELECT 'prof_' || md5(p.name), p.name, p.regulator, CURRENT_TIMESTAMP
FROM (VALUES
  ('Arts therapies', 'HCPC'),
  ('Biomedical science', 'HCPC'),
  ('Podiatry', 'HCPC'),
  ('Clinical science', 'HCPC'),
  ('Dietetics', 'HCPC'),
  ('Hearing aid dispensing', 'HCPC'),
  ('Occupational therapy', 'HCPC'),
  ('Operating department practice', 'HCPC'),
  ('Orthoptics', 'HCPC'),
  ('Paramedicine', 'HCPC'),
  ('Physiotherapy', 'HCPC'),
  ('Practitioner psychology', 'HCPC'),
  ('Prosthetics and orthotics', 'HCPC'),
  ('Radiography', 'HCPC'),
  ('Speech and language therapy', 'HCPC'),
  ('Nursing', 'NMC'),
  ('Midwifery', 'NMC'),
  ('Pharmacy', 'GPhC')
) AS p(name, regulator);

-- AlterTable: practitionerId stays nullable until every completion has its practitioner.
ALTER TABLE "Completion" ADD COLUMN     "badgeSalt" TEXT,
ADD COLUMN     "practitionerId" TEXT,
ADD COLUMN     "statusListIndex" SERIAL NOT NULL;

-- One practitioner per distinct name and organisation, with the registration of their latest completion and the
-- listed profession their latest completion names (none when it names no listed profession: the practitioner is then
-- not eligible for another completion until someone records it). No one consented to the directory yet.
INSERT INTO "Practitioner" ("id", "name", "organisationId", "professionId", "registrationNumber", "updatedAt")
SELECT 'prac_' || md5(latest."organisationId" || E'\n' || latest."practitionerName"),
       latest."practitionerName",
       latest."organisationId",
       (SELECT p."id" FROM "Profession" p WHERE lower(p."name") = lower(btrim(latest."profession"))),
       NULLIF(btrim(latest."registration"), ''),
       CURRENT_TIMESTAMP
FROM (
  SELECT DISTINCT ON ("organisationId", "practitionerName") "organisationId", "practitionerName", "registration", "profession"
  FROM "Completion"
  ORDER BY "organisationId", "practitionerName", "createdAt" DESC, "id" DESC
) AS latest;

UPDATE "Completion" SET "practitionerId" = 'prac_' || md5("organisationId" || E'\n' || "practitionerName");

-- Badges issued before signing get a salt for their hashed recipient identifier.
UPDATE "Completion" SET "badgeSalt" = md5(random()::text || "id") WHERE "badgeId" IS NOT NULL;

ALTER TABLE "Completion" ALTER COLUMN "practitionerId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Completion_statusListIndex_key" ON "Completion"("statusListIndex");

-- CreateIndex
CREATE INDEX "Completion_practitionerId_idx" ON "Completion"("practitionerId");

-- AddForeignKey
ALTER TABLE "Completion" ADD CONSTRAINT "Completion_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
