-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ASSIGNMENTS', 'SUBMISSIONS', 'DECISIONS', 'REMINDERS', 'COMMENTS');

-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('EMAIL', 'DIGEST', 'OFF');

-- DropIndex
DROP INDEX "EmailOutbox_status_createdAt_idx";

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "delivery" "EmailDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "EmailDigestItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailDigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailDigestItem_userId_createdAt_idx" ON "EmailDigestItem"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_createdAt_id_idx" ON "EmailOutbox"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDigestItem" ADD CONSTRAINT "EmailDigestItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
