-- AlterTable
ALTER TABLE "AnnualReturn" ADD COLUMN     "learnerSatisfaction" INTEGER;

-- CreateTable
CREATE TABLE "AnnualReturnFigures" (
    "id" TEXT NOT NULL,
    "annualReturnId" TEXT NOT NULL,
    "professionId" TEXT NOT NULL,
    "starts" INTEGER NOT NULL,
    "continuing" INTEGER NOT NULL,
    "completions" INTEGER NOT NULL,
    "withdrawals" INTEGER NOT NULL,

    CONSTRAINT "AnnualReturnFigures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnualReturnFigures_professionId_idx" ON "AnnualReturnFigures"("professionId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReturnFigures_annualReturnId_professionId_key" ON "AnnualReturnFigures"("annualReturnId", "professionId");

-- AddForeignKey
ALTER TABLE "AnnualReturnFigures" ADD CONSTRAINT "AnnualReturnFigures_annualReturnId_fkey" FOREIGN KEY ("annualReturnId") REFERENCES "AnnualReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReturnFigures" ADD CONSTRAINT "AnnualReturnFigures_professionId_fkey" FOREIGN KEY ("professionId") REFERENCES "Profession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
