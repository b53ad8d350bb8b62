-- Impact figures by profession name a profession from the maintained list. Rows typed before the list are matched to
-- it by name (trimmed, ignoring case); a row matching none keeps its text in "legacyProfession" and is never made into
-- a profession. Nothing is dropped before it has been copied.

-- AlterTable
ALTER TABLE "ImpactByProfession" ADD COLUMN     "legacyProfession" TEXT,
ADD COLUMN     "professionId" TEXT;

-- One return could hold "Nursing" and "nursing " as two rows; only the first of them takes the profession (one row
-- per profession and return), the other keeps its text.
WITH matched AS (
  SELECT i."id", p."id" AS "professionId",
         row_number() OVER (PARTITION BY i."impactReturnId", p."id" ORDER BY i."id") AS n
  FROM "ImpactByProfession" i
  JOIN LATERAL (
    SELECT f."id" FROM "Profession" f WHERE lower(f."name") = lower(btrim(i."profession")) ORDER BY f."id" LIMIT 1
  ) p ON true
)
UPDATE "ImpactByProfession" i SET "professionId" = m."professionId" FROM matched m WHERE m."id" = i."id" AND m.n = 1;

UPDATE "ImpactByProfession" SET "legacyProfession" = "profession" WHERE "professionId" IS NULL;

-- DropIndex
DROP INDEX "ImpactByProfession_impactReturnId_profession_key";

ALTER TABLE "ImpactByProfession" DROP COLUMN "profession";

ALTER TABLE "ImpactByProfession" ADD CONSTRAINT "ImpactByProfession_profession_or_legacy"
  CHECK (("professionId" IS NULL) <> ("legacyProfession" IS NULL));

-- CreateIndex
CREATE INDEX "ImpactByProfession_professionId_idx" ON "ImpactByProfession"("professionId");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactByProfession_impactReturnId_professionId_key" ON "ImpactByProfession"("impactReturnId", "professionId");

-- AddForeignKey
ALTER TABLE "ImpactByProfession" ADD CONSTRAINT "ImpactByProfession_professionId_fkey" FOREIGN KEY ("professionId") REFERENCES "Profession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
