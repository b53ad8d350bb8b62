-- AlterTable
ALTER TABLE "SpecificationVersion" ADD COLUMN     "completedSections" TEXT[] DEFAULT ARRAY[]::TEXT[];
