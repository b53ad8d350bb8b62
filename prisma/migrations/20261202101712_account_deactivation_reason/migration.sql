-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedReason" TEXT;
