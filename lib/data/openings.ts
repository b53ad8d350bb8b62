import "server-only";
import { recordAudit, recordAudits } from "@/lib/audit";
import { annualReturnLink } from "@/lib/data/annual-returns";
import { applyTransition } from "@/lib/data/transition";
import { addDays, startOfDay } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { groupBy } from "@/lib/group";
import { notifyEach, oneOrSummary, type Message } from "@/lib/notify";
import type { Tx } from "@/lib/db";
import { credentialMachine, type Actor } from "@/lib/workflow";

// Opening a periodic review and an annual return: done by the scheduled jobs (lib/jobs) for what falls due, and by
// staff opening one early (open-early.ts). Here in the data layer, so the jobs use it and nothing here uses the jobs.

export const reviewLink = (id: string) => `/periodic-reviews/${id}`;

/** Where staff and providers see annual returns still to be submitted (scoped to the provider's own). */
export const OPEN_RETURNS_LINK = "/quality-reviews?returns=OPEN";

/** A year's returns are due by 31 July; one opened later (a plan approved mid-year) gets at least this long. */
export const ANNUAL_RETURN_DUE = { month: 7, day: 31 } as const;
export const ANNUAL_RETURN_MIN_DAYS = 60;

/** 31 July of `year`, or 60 days after opening when that is later (date only, UTC). */
export function annualReturnDueOn(year: number, openedAt: Date): Date {
  const fixed = new Date(Date.UTC(year, ANNUAL_RETURN_DUE.month - 1, ANNUAL_RETURN_DUE.day));
  const earliest = startOfDay(addDays(openedAt, ANNUAL_RETURN_MIN_DAYS));
  return fixed.getTime() >= earliest.getTime() ? fixed : earliest;
}

type OpenableCredential = { id: string; status: string; version: number; reference: string; title: string; publishedAt: Date | null };

/** Staff's message about an opened periodic review (the job sends one summary when it opens several). */
export const periodicReviewOpened = (credential: { reference: string; title: string }, dueAt: Date, reviewId: string): Message => ({
  kind: "REMINDERS",
  title: `Periodic review opened: ${credential.reference} ${credential.title}`,
  body: `The credential's periodic review is due on ${formatDate(dueAt)}. Record the four currency checks, then conclude it.`,
  link: reviewLink(reviewId),
});

/**
 * Opens one credential's periodic review, due on `dueAt`, and puts the credential under periodic
 * review — shared by the scheduled job and by staff starting a review early; each tells staff its own way. Returns
 * the review's id, or null when a review with that due date already exists.
 */
export async function openPeriodicReviewFor(
  tx: Tx,
  credential: OpenableCredential,
  dueAt: Date,
  actor: Actor,
  expectedVersion?: number,
): Promise<string | null> {
  const [review] = await tx.periodicReview.createManyAndReturn({
    data: [{ credentialId: credential.id, dueAt }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!review) return null;
  await recordAudit(tx, { entityType: "PeriodicReview", entityId: review.id, action: "create", to: "SCHEDULED", actor });
  await applyTransition(tx, {
    machine: credentialMachine,
    transition: "startPeriodicReview",
    row: credential as OpenableCredential & { status: "ENDORSED" },
    expectedVersion,
    actor,
    context: { publishedAt: credential.publishedAt },
    table: tx.credential,
    audit: { periodicReviewId: review.id },
  });
  return review.id;
}

type ReturningPlan = { id: string; organisationId: string; programmeTitle: string };

/**
 * Opens one approved plan's return for `now`'s year — shared by the scheduled job and by staff
 * opening a return early. Returns its id, or null when that year's return already exists.
 */
export async function openAnnualReturnFor(tx: Tx, plan: ReturningPlan, now: Date, actor: Actor): Promise<string | null> {
  return (await openAnnualReturnsFor(tx, [plan], now, actor))[0] ?? null;
}

/**
 * Opens each plan's return for `now`'s year, audited and told to the plan's providers, in a few statements for the
 * whole batch (the scheduled job opens every delivery's return on the year's first day). Each organisation's
 * providers get one message: the return's own when one was opened, else one for all of theirs. Unique on (plan, year) and
 * inserted with ON CONFLICT DO NOTHING: returns the ids of those opened now, in the plans' order.
 */
export async function openAnnualReturnsFor(tx: Tx, plans: ReturningPlan[], now: Date, actor: Actor): Promise<string[]> {
  if (plans.length === 0) return [];
  const year = now.getUTCFullYear();
  const dueOn = annualReturnDueOn(year, now);
  const opened = await tx.annualReturn.createManyAndReturn({
    data: plans.map((p) => ({ planId: p.id, year, dueOn })),
    skipDuplicates: true,
    select: { id: true, planId: true },
  });
  if (opened.length === 0) return [];
  const returnOf = new Map(opened.map((r) => [r.planId, r.id]));
  const openedPlans = plans.flatMap((plan) => (returnOf.has(plan.id) ? [{ plan, returnId: returnOf.get(plan.id)! }] : []));
  await recordAudits(
    tx,
    openedPlans.map(({ returnId }) => ({
      entityType: "AnnualReturn",
      entityId: returnId,
      action: "create",
      to: "OPEN",
      actor,
      data: { year },
    })),
  );
  const providers = await tx.user.findMany({
    where: { organisationId: { in: [...new Set(openedPlans.map(({ plan }) => plan.organisationId))] }, role: "PROVIDER", active: true },
    select: { id: true, organisationId: true },
  });
  const byOrganisation = groupBy(openedPlans, ({ plan }) => plan.organisationId);
  await notifyEach(
    tx,
    [...byOrganisation].flatMap(([organisationId, rows]) => {
      const message = oneOrSummary(
        rows,
        ({ plan, returnId }) => ({
          kind: "REMINDERS" as const,
          title: `Annual return ${year} open: ${plan.programmeTitle}`,
          body: `Submit your annual return on this delivery by ${formatDate(dueOn)}.`,
          link: annualReturnLink(returnId),
        }),
        (all) => ({
          kind: "REMINDERS" as const,
          title: `Annual returns ${year} open: ${all.length} deliveries`,
          body: `Submit the annual return on each of these deliveries by ${formatDate(dueOn)}. Quality lists them under "Annual returns".`,
          link: OPEN_RETURNS_LINK,
        }),
      );
      return message ? [{ userIds: providers.filter((u) => u.organisationId === organisationId).map((u) => u.id), message }] : [];
    }),
  );
  return openedPlans.map(({ returnId }) => returnId);
}
