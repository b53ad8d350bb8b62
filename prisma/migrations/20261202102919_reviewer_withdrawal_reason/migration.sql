-- AlterTable
ALTER TABLE "ReviewerAssignment" ADD COLUMN     "withdrawnReason" TEXT;
