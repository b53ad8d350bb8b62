-- AlterTable
ALTER TABLE "DeliveryPlan" ADD COLUMN     "closedReason" TEXT,
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "PriorityRound" ADD COLUMN     "closedReason" TEXT;
