import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudits } from "@/lib/audit";
import { annualReturnLink } from "@/lib/data/annual-returns";
import { notifyPlanProviders } from "@/lib/data/delivery-plans";
import { formatDate } from "@/lib/format";
import { notifyStaff, oneOrSummary, type Message } from "@/lib/notify";
import { DELIVERING_PLAN_STATES, isLate } from "@/lib/workflow";
import { addDays, startOfDay } from "@/lib/dates";
import { OPEN_RETURNS_LINK, openAnnualReturnsFor } from "@/lib/data/openings";
import { inBatches, inGroups, perOrganisation, SYSTEM_ACTOR } from "./system";

// The annual-return jobs: open each approved delivery's return for the year, remind the provider
// as it falls due, and flag it when late. Idempotent like every job (see lib/jobs/system.ts).
// At national scale a tick changes tens of thousands of returns at once (every delivery's on 1 January, every one
// still open on 1 August), so each works one organisation at a time in a few statements, reading that organisation's
// rows when its turn comes, and each organisation's providers hear once per tick: about the return, or about all of
// theirs.

/** The organisations with a delivery plan matching `where`, in a stable order. */
async function organisationsWith(db: PrismaClient, where: Prisma.DeliveryPlanWhereInput): Promise<string[]> {
  const groups = await db.deliveryPlan.groupBy({ by: ["organisationId"], where, orderBy: { organisationId: "asc" } });
  return groups.map((g) => g.organisationId);
}

export const ANNUAL_RETURN_REMINDER_DAYS = 14;

/**
 * Opens the annual return for `now`'s year for every approved delivery plan that has none: unique
 * on (plan, year) and inserted with ON CONFLICT DO NOTHING, so a rerun opens nothing twice.
 */
export async function openAnnualReturns(db: PrismaClient, now: Date): Promise<number> {
  const year = now.getUTCFullYear();
  const unopened = {
    status: { in: [...DELIVERING_PLAN_STATES] },
    annualReturns: { none: { year } },
  } satisfies Prisma.DeliveryPlanWhereInput;
  const opened = await inGroups(
    db,
    perOrganisation(await organisationsWith(db, unopened), (organisationId) =>
      db.deliveryPlan.findMany({
        where: { ...unopened, organisationId },
        select: { id: true, organisationId: true, programmeTitle: true },
      }),
    ),
    (tx, group) => openAnnualReturnsFor(tx, group, now, SYSTEM_ACTOR),
  );
  return opened.length;
}

type DueReturn = { id: string; year: number; dueOn: Date; plan: { organisationId: string; programmeTitle: string } };

const RETURN_SELECT = {
  id: true,
  status: true,
  year: true,
  dueOn: true,
  plan: { select: { organisationId: true, programmeTitle: true } },
} as const;

/** The rows of `group` a conditional update changed (another worker may have changed the rest first). */
const stillThere = <T extends { id: string }>(group: T[], changed: { id: string }[]) => {
  const ids = new Set(changed.map((c) => c.id));
  return group.filter((r) => ids.has(r.id));
};

const earliest = (rows: readonly DueReturn[]) => new Date(Math.min(...rows.map((r) => r.dueOn.getTime())));

const lateMessage = (ret: DueReturn): Message => ({
  kind: "REMINDERS",
  title: `Annual return ${ret.year} late: ${ret.plan.programmeTitle}`,
  body: `It was due on ${formatDate(ret.dueOn)} and has not been submitted.`,
  link: annualReturnLink(ret.id),
});

const lateSummary = (rows: readonly DueReturn[]): Message => ({
  kind: "REMINDERS",
  title: `Annual returns late: ${rows.length}`,
  body: `${rows.length} annual returns were due on or before ${formatDate(new Date(Math.max(...rows.map((r) => r.dueOn.getTime()))))} and have not been submitted. Quality lists them under "Annual returns".`,
  link: OPEN_RETURNS_LINK,
});

/**
 * Reminds providers of open returns due within ANNUAL_RETURN_REMINDER_DAYS (once per return), and
 * flags returns still open after their due date as late (once, audited as `flagLate`), telling the
 * provider and Centre staff. Returns how many returns were reminded or flagged.
 */
export async function remindAnnualReturns(db: PrismaClient, now: Date): Promise<number> {
  const today = startOfDay(now);
  /** The returns of each organisation that has some matching `where`, an organisation at a time. */
  const returnsPerOrganisation = async (where: Prisma.AnnualReturnWhereInput) =>
    perOrganisation(await organisationsWith(db, { annualReturns: { some: where } }), (organisationId) =>
      db.annualReturn.findMany({ where: { ...where, plan: { organisationId } }, select: RETURN_SELECT }),
    );
  const reminded = await inBatches(
    db,
    await returnsPerOrganisation({
      status: "OPEN",
      remindedAt: null,
      dueOn: { gte: today, lte: addDays(today, ANNUAL_RETURN_REMINDER_DAYS) },
    }),
    async (tx, group) => {
      const changed = await tx.annualReturn.updateManyAndReturn({
        where: { id: { in: group.map((r) => r.id) }, status: "OPEN", remindedAt: null },
        data: { remindedAt: now },
        select: { id: true },
      });
      const rows = stillThere(group, changed);
      const message = oneOrSummary(
        rows,
        (ret) => ({
          kind: "REMINDERS",
          title: `Reminder: annual return ${ret.year} due ${formatDate(ret.dueOn)}: ${ret.plan.programmeTitle}`,
          body: "Your annual return on this delivery has not been submitted yet.",
          link: annualReturnLink(ret.id),
        }),
        (all) => ({
          kind: "REMINDERS",
          title: `Reminder: ${all.length} annual returns due from ${formatDate(earliest(all))}`,
          body: `Your annual returns on ${all.length} deliveries have not been submitted yet. Quality lists them under "Annual returns".`,
          link: OPEN_RETURNS_LINK,
        }),
      );
      if (message) await notifyPlanProviders(tx, group[0].plan.organisationId, message);
      return rows.length;
    },
  );

  const flagged = await inGroups(
    db,
    await returnsPerOrganisation({ status: "OPEN", lateFlaggedAt: null, dueOn: { lt: today } }),
    async (tx, open) => {
      const group = open.filter((r) => isLate(r.status, r.dueOn, now));
      if (group.length === 0) return [];
      const changed = await tx.annualReturn.updateManyAndReturn({
        where: { id: { in: group.map((r) => r.id) }, status: "OPEN", lateFlaggedAt: null },
        data: { lateFlaggedAt: now },
        select: { id: true },
      });
      const rows = stillThere(group, changed);
      await recordAudits(
        tx,
        rows.map((ret) => ({
          entityType: "AnnualReturn",
          entityId: ret.id,
          action: "flagLate",
          from: "OPEN",
          to: "OPEN",
          actor: SYSTEM_ACTOR,
        })),
      );
      const message = oneOrSummary(rows, lateMessage, lateSummary);
      if (message) await notifyPlanProviders(tx, group[0].plan.organisationId, message);
      return rows;
    },
  );
  // Staff hear once per tick about every organisation's late returns. Sent after the flags commit: should it fail,
  // the returns are still flagged and listed as late, and pg-boss's retry finds nothing left to flag.
  const staffMessage = oneOrSummary(flagged, lateMessage, lateSummary);
  if (staffMessage) await db.$transaction((tx) => notifyStaff(tx, staffMessage));
  return reminded + flagged.length;
}
