-- CreateEnum
CREATE TYPE "PanelAgendaItemStatus" AS ENUM ('ON_AGENDA', 'RECOMMENDED', 'DECIDED', 'WITHDRAWN');

-- DropIndex
DROP INDEX "PanelAgendaItem_meetingId_reviewId_key";

-- AlterTable
ALTER TABLE "PanelAgendaItem" ADD COLUMN     "status" "PanelAgendaItemStatus" NOT NULL DEFAULT 'ON_AGENDA',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawnReason" TEXT;

-- CreateIndex
CREATE INDEX "PanelAgendaItem_meetingId_idx" ON "PanelAgendaItem"("meetingId");

-- Existing items take the state their facts imply: a recommendation on a decided review is decided, a recommendation
-- alone is recommended. An item of a cancelled meeting came off its agenda with the meeting (so its review may go on
-- another); every other item is still on its agenda.
UPDATE "PanelAgendaItem" AS i SET "status" = 'DECIDED'
FROM "EndorsementReview" AS r
WHERE r."id" = i."reviewId" AND i."recommendation" IS NOT NULL AND r."status" = 'DECIDED';

UPDATE "PanelAgendaItem" SET "status" = 'RECOMMENDED'
WHERE "recommendation" IS NOT NULL AND "status" = 'ON_AGENDA';

UPDATE "PanelAgendaItem" AS i SET "status" = 'WITHDRAWN', "withdrawnReason" = COALESCE(m."cancelledReason", 'The meeting was cancelled.')
FROM "PanelMeeting" AS m
WHERE m."id" = i."meetingId" AND m."status" = 'CANCELLED' AND i."status" = 'ON_AGENDA';
