-- CreateEnum
CREATE TYPE "PanelMeetingStatus" AS ENUM ('SCHEDULED', 'HELD', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EndorsementAppealStatus" AS ENUM ('LODGED', 'UPHELD', 'DISMISSED');

-- CreateTable
CREATE TABLE "PanelMeeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "meetsOn" DATE NOT NULL,
    "quorum" INTEGER NOT NULL,
    "status" "PanelMeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "minutes" TEXT NOT NULL DEFAULT '',
    "attendanceRecordedAt" TIMESTAMP(3),
    "cancelledReason" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMember" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chair" BOOLEAN NOT NULL DEFAULT false,
    "attended" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "recommendation" "EndorsementDecision",
    "recommendationNote" TEXT NOT NULL DEFAULT '',
    "recommendedAt" TIMESTAMP(3),
    "departureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppealWindow" (
    "id" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "effectiveFrom" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppealWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EndorsementAppeal" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "grounds" TEXT NOT NULL,
    "status" "EndorsementAppealStatus" NOT NULL DEFAULT 'LODGED',
    "lodgedById" TEXT NOT NULL,
    "outcomeReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EndorsementAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PanelMeeting_status_meetsOn_idx" ON "PanelMeeting"("status", "meetsOn");

-- CreateIndex
CREATE INDEX "PanelMember_userId_idx" ON "PanelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelMember_meetingId_userId_key" ON "PanelMember"("meetingId", "userId");

-- CreateIndex
CREATE INDEX "PanelAgendaItem_reviewId_idx" ON "PanelAgendaItem"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelAgendaItem_meetingId_reviewId_key" ON "PanelAgendaItem"("meetingId", "reviewId");

-- CreateIndex
CREATE INDEX "AppealWindow_effectiveFrom_idx" ON "AppealWindow"("effectiveFrom");

-- CreateIndex
CREATE INDEX "EndorsementAppeal_reviewId_idx" ON "EndorsementAppeal"("reviewId");

-- CreateIndex
CREATE INDEX "EndorsementAppeal_status_idx" ON "EndorsementAppeal"("status");

-- AddForeignKey
ALTER TABLE "PanelMeeting" ADD CONSTRAINT "PanelMeeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgendaItem" ADD CONSTRAINT "PanelAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgendaItem" ADD CONSTRAINT "PanelAgendaItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EndorsementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementAppeal" ADD CONSTRAINT "EndorsementAppeal_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "EndorsementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndorsementAppeal" ADD CONSTRAINT "EndorsementAppeal_lodgedById_fkey" FOREIGN KEY ("lodgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The appeal window the Centre publishes: its "Appeals and complaints procedure" (updated September 2022,
-- https://advanced-practice.hee.nhs.uk/?p=10146) has an appeal made within 10 working days of receiving the outcome.
-- It is data: a later window is added as a new row with the date it takes effect.
INSERT INTO "AppealWindow" ("id", "workingDays", "source", "effectiveFrom")
VALUES ('appeal-window-2022', 10, 'Centre for Advancing Practice, Appeals and complaints procedure (updated September 2022), https://advanced-practice.hee.nhs.uk/?p=10146', DATE '2022-09-01');
