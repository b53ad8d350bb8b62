import "server-only";
import { recordAudit } from "@/lib/audit";
import { addDays, startOfDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { credentialScope, endorsementAppealScope, specificationScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { formatDate } from "@/lib/format";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import { appealLodgeSchema, appealOutcomeSchema } from "@/lib/validation/panel";
import {
  appealDeadline,
  appealRefusal,
  appealWindowSpanDays,
  isoDay,
  MAX_WORKING_DAYS,
  windowInEffect,
  availableTransitions,
  endorsementAppealMachine,
  endorsementReviewMachine,
  specificationVersionMachine,
  type Actor,
  type AppealFacts,
} from "@/lib/workflow";

// Appeals against a declined candidate specification. The expert group lodges one, with its grounds, within the appeal
// window in effect when the specification was declined (`AppealWindow`, data the Centre keeps); staff uphold it (the
// specification goes back to review for a new decision) or dismiss it (the decline stands), with a reason.

const reviewSelect = {
  id: true,
  status: true,
  version: true,
  decision: true,
  decidedAt: true,
  appeals: { select: { createdAt: true } },
  specificationVersion: {
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      credential: { select: { id: true, reference: true, title: true, ownerOrganisationId: true, origin: true } },
    },
  },
} as const;

/** The appeal windows that took effect by the day of `until`, newest first: a handful of rows. */
export function appealWindows(client: Tx, until: Date) {
  return client.appealWindow.findMany({
    where: { effectiveFrom: { lte: startOfDay(until) } },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: { id: true, workingDays: true, source: true, effectiveFrom: true, createdAt: true },
  });
}

/** The bank holidays in the `days` calendar days after `from`, as `YYYY-MM-DD`. */
export async function bankHolidaysAfter(client: Tx, from: Date, days: number): Promise<string[]> {
  const rows = await client.bankHoliday.findMany({
    where: { date: { gt: startOfDay(from), lte: addDays(from, days) } },
    select: { date: true },
  });
  return rows.map((r) => isoDay(r.date));
}

/** The appeal window in effect at the decision: the last day to appeal, or null when the Centre has set none. */
async function deadlineFor(client: Tx, decidedAt: Date | null) {
  if (!decidedAt) return null;
  const window = windowInEffect(await appealWindows(client, decidedAt), decidedAt);
  if (!window) return null;
  const holidays = await bankHolidaysAfter(client, decidedAt, appealWindowSpanDays(window.workingDays));
  return { deadline: appealDeadline(decidedAt, window.workingDays, holidays), ...window };
}

function appealFacts(
  review: {
    decidedAt: Date | null;
    appeals: { createdAt: Date }[];
    specificationVersion: { status: AppealFacts["versionStatus"]; credential: { ownerOrganisationId: string } };
  },
  deadline: Date | null,
  now: Date,
): AppealFacts {
  const decidedAt = review.decidedAt;
  return {
    versionStatus: review.specificationVersion.status,
    organisationId: review.specificationVersion.credential.ownerOrganisationId,
    deadline,
    appealed: decidedAt !== null && review.appeals.some((a) => a.createdAt.getTime() >= decidedAt.getTime()),
    now,
  };
}

const reviewPage = (credentialId: string) => `/credentials/${credentialId}/review`;

export const lodgeAppeal = defineCommand(appealLodgeSchema, async (tx, input, actor) => {
  const review = await loadOrThrow(
    "Endorsement review",
    tx.endorsementReview.findFirst({ where: { id: input.id, specificationVersion: specificationScope(actor) }, select: reviewSelect }),
  );
  const now = new Date();
  const window = await deadlineFor(tx, review.decidedAt);
  const facts = appealFacts(review, window?.deadline ?? null, now);
  await applyTransition(tx, {
    machine: endorsementReviewMachine,
    transition: "appeal",
    row: review,
    expectedVersion: input.version,
    actor,
    context: { submittedAssessmentCount: 0, reviewerExpertise: [], appeal: facts },
    table: tx.endorsementReview,
    reason: input.grounds,
  });
  const appeal = await tx.endorsementAppeal.create({
    data: { reviewId: review.id, grounds: input.grounds, lodgedById: actor.id },
    select: { id: true, status: true, version: true },
  });
  await recordAudit(tx, {
    entityType: endorsementAppealMachine.entity,
    entityId: appeal.id,
    action: "create",
    to: appeal.status,
    actor,
    reason: input.grounds,
  });
  const { credential, number } = review.specificationVersion;
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Appeal lodged: ${credential.reference} version ${number}`,
    body: input.grounds,
    link: `${reviewPage(credential.id)}/appeal`,
  });
  return { id: appeal.id, credentialId: credential.id, transition: "lodged" };
});

export const decideAppeal = defineCommand(appealOutcomeSchema, async (tx, input, actor) => {
  const appeal = await loadOrThrow(
    "Appeal",
    tx.endorsementAppeal.findFirst({
      where: { id: input.id, ...endorsementAppealScope(actor) },
      select: { id: true, status: true, version: true, review: { select: reviewSelect } },
    }),
  );
  const now = new Date();
  const outcome = await applyTransition(tx, {
    machine: endorsementAppealMachine,
    transition: input.outcome,
    row: appeal,
    expectedVersion: input.version,
    actor,
    context: { reason: input.reason },
    table: tx.endorsementAppeal,
    data: { outcomeReason: input.reason, decidedById: actor.id, decidedAt: now },
    reason: input.reason,
  });
  const { review } = appeal;
  const v = review.specificationVersion;
  if (input.outcome === "uphold") {
    await applyTransition(tx, {
      machine: specificationVersionMachine,
      transition: "reopenOnAppeal",
      row: v,
      actor,
      context: {
        organisationId: v.credential.ownerOrganisationId,
        credentialOrigin: v.credential.origin,
        missingSections: [],
        reviewerCount: 0,
        submittedAssessmentCount: 0,
        reviewerExpertise: [],
      },
      table: tx.specificationVersion,
      data: { decidedAt: null },
      reason: input.reason,
    });
    await applyTransition(tx, {
      machine: endorsementReviewMachine,
      transition: "reopen",
      row: review,
      actor,
      context: { submittedAssessmentCount: 0, reviewerExpertise: [] },
      table: tx.endorsementReview,
      data: { decision: null, rationale: null, decidedById: null, decidedAt: null },
      reason: input.reason,
    });
  }
  await notifyUsers(tx, await organisationMembers(tx, v.credential.ownerOrganisationId, "EXPERT"), {
    kind: "DECISIONS",
    title: `Appeal ${input.outcome === "uphold" ? "upheld" : "dismissed"}: ${v.credential.reference} version ${v.number}`,
    body:
      input.outcome === "uphold"
        ? `Your specification returns to the endorsement review for a new decision. ${input.reason}`
        : `The decline stands. ${input.reason}`,
    link: `${reviewPage(v.credential.id)}/appeal`,
  });
  return { ...outcome, credentialId: v.credential.id, transition: input.outcome };
});

/**
 * The appeal page of a credential's latest specification version under endorsement, as the actor may see it: the
 * decision, the window, the appeals made, and whether this actor may appeal now (and if not, why). Null when the
 * actor may not see the credential, or it has no review.
 */
export async function appealViewFor(actor: Actor, credentialId: string) {
  if (actor.role !== "CENTRE_STAFF" && actor.role !== "EXPERT") return null;
  const credential = await db().credential.findFirst({ where: { id: credentialId, ...credentialScope(actor) }, select: { id: true } });
  if (!credential) return null;
  const review = await db().endorsementReview.findFirst({
    where: { specificationVersion: { credentialId, ...specificationScope(actor) } },
    orderBy: { specificationVersion: { number: "desc" } },
    select: {
      ...reviewSelect,
      rationale: true,
      appeals: {
        where: endorsementAppealScope(actor),
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          createdAt: true,
          status: true,
          version: true,
          grounds: true,
          outcomeReason: true,
          decidedAt: true,
          lodgedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!review) return null;
  const window = await deadlineFor(db(), review.decidedAt);
  const facts = appealFacts(review, window?.deadline ?? null, new Date());
  const refusal = review.status === "DECIDED" ? appealRefusal(actor, facts) : "Only a declined specification can be appealed.";
  const appeals = review.appeals.map((a) => ({
    ...a,
    available: availableTransitions(endorsementAppealMachine, a.status, { reason: "-", actor }).map((t) => t.name),
  }));
  return { review: { ...review, appeals }, window, refusal, deadlineText: window ? formatDate(window.deadline) : null };
}
export type AppealView = NonNullable<Awaited<ReturnType<typeof appealViewFor>>>;

/**
 * The expert group's declines it can still appeal, each with the last day to do so: for its to-do list. A decline
 * older than any window could be is not read at all.
 */
export async function openAppealWindows(actor: Actor, now = new Date(), take = 10) {
  if (actor.role !== "EXPERT" || !actor.organisationId) return [];
  const from = addDays(now, -MAX_WINDOW_DAYS);
  // One statement from the group's own credentials outward, the states written into its text: PostgreSQL keeps one plan
  // for a named statement, and with the states as parameters (as Prisma sends them) that plan walked every
  // specification version in key order, about 2,000 pages a request on the national-scale data, to find the group's few.
  // The windows and bank holidays are a handful of rows: read once, not once per decline.
  const [rows, windows, holidays] = await Promise.all([
    db().$queryRaw<OpenDeclineRow[]>`
      SELECT r.id, r."decidedAt", v.number, v.status::text AS status, c.id AS "credentialId", c.reference, c.title,
        c."ownerOrganisationId", (SELECT max(a."createdAt") FROM "EndorsementAppeal" a WHERE a."reviewId" = r.id) AS "lastAppealAt"
      FROM "Credential" c
        JOIN "SpecificationVersion" v ON v."credentialId" = c.id AND v.status = 'DECLINED'
        JOIN "EndorsementReview" r ON r."specificationVersionId" = v.id
      WHERE c."ownerOrganisationId" = ${actor.organisationId} AND r.status = 'DECIDED' AND r.decision = 'DECLINE'
        AND r."decidedAt" >= ${from}
      ORDER BY r."decidedAt", r.id LIMIT ${take}`,
    appealWindows(db(), now),
    bankHolidaysAfter(db(), from, MAX_WINDOW_DAYS + appealWindowSpanDays(MAX_WORKING_DAYS)),
  ]);
  const reviews = rows.map((r) => ({
    id: r.id,
    decidedAt: r.decidedAt,
    appeals: r.lastAppealAt ? [{ createdAt: r.lastAppealAt }] : [],
    specificationVersion: {
      number: r.number,
      status: r.status,
      credential: { id: r.credentialId, reference: r.reference, title: r.title, ownerOrganisationId: r.ownerOrganisationId },
    },
  }));
  return reviews.flatMap((review) => {
    const window = windowInEffect(windows, review.decidedAt);
    const deadline = window ? appealDeadline(review.decidedAt, window.workingDays, holidays) : null;
    return deadline && !appealRefusal(actor, appealFacts(review, deadline, now)) ? [{ review, deadline }] : [];
  });
}

type OpenDeclineRow = {
  id: string;
  decidedAt: Date;
  number: number;
  status: AppealFacts["versionStatus"];
  credentialId: string;
  reference: string;
  title: string;
  ownerOrganisationId: string;
  /** The latest appeal against the decision, if any: one lodged since the decision means it has been appealed. */
  lastAppealAt: Date | null;
};

/** Longer than any appeal window the Centre can set (in calendar days), to bound the to-do list's read. */
const MAX_WINDOW_DAYS = appealWindowSpanDays(MAX_WORKING_DAYS);
