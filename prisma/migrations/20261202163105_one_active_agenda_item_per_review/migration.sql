-- A review is on at most one active agenda: one item ON_AGENDA or RECOMMENDED per review. Prisma's schema cannot
-- express a partial unique index, so it lives here (see the comment on PanelAgendaItem in prisma/schema/panels.prisma).

-- Should two active items for one review exist already (two meetings that took it at the same moment), the later one
-- still awaiting the panel comes off its agenda, so the index can be built.
UPDATE "PanelAgendaItem" AS i
SET "status" = 'WITHDRAWN', "withdrawnReason" = 'This specification was already on another meeting''s agenda.'
WHERE i."status" = 'ON_AGENDA'
  AND EXISTS (
    SELECT 1 FROM "PanelAgendaItem" AS o
    WHERE o."reviewId" = i."reviewId" AND o."id" <> i."id" AND o."status" IN ('ON_AGENDA', 'RECOMMENDED')
      AND (o."status" = 'RECOMMENDED' OR o."createdAt" < i."createdAt" OR (o."createdAt" = i."createdAt" AND o."id" < i."id"))
  );

CREATE UNIQUE INDEX "PanelAgendaItem_reviewId_active_key" ON "PanelAgendaItem" ("reviewId")
WHERE "status" IN ('ON_AGENDA', 'RECOMMENDED');
