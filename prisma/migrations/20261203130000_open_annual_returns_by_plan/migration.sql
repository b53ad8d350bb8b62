-- A provider's open annual returns (open or queried), plan by plan in due order: the provider's to-do list and
-- dashboard count look up each of the organisation's plans here, reading the index alone, instead of every return
-- of the plan from the table. Prisma's schema cannot express a partial index, so it lives here (see the comment on
-- AnnualReturn in prisma/schema/quality.prisma).
CREATE INDEX "AnnualReturn_planId_dueOn_id_open_idx" ON "AnnualReturn" ("planId", "dueOn", "id") INCLUDE ("year", "status")
  WHERE "status" IN ('OPEN', 'QUERIED');
