-- CreateTable
CREATE TABLE "TargetProfession" (
    "specificationVersionId" TEXT NOT NULL,
    "professionId" TEXT NOT NULL,

    CONSTRAINT "TargetProfession_pkey" PRIMARY KEY ("specificationVersionId","professionId")
);

-- CreateIndex
CREATE INDEX "TargetProfession_professionId_idx" ON "TargetProfession"("professionId");

-- AddForeignKey
ALTER TABLE "TargetProfession" ADD CONSTRAINT "TargetProfession_specificationVersionId_fkey" FOREIGN KEY ("specificationVersionId") REFERENCES "SpecificationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetProfession" ADD CONSTRAINT "TargetProfession_professionId_fkey" FOREIGN KEY ("professionId") REFERENCES "Profession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
