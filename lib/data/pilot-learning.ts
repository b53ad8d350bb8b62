import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CredentialStatus, SpecificationStatus, type CredentialOrigin } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { db, readDb } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole, credentialScope } from "@/lib/data/scope";
import { shared } from "@/lib/data/totals";
import { AppError } from "@/lib/errors";
import {
  CHOICE_LIMIT,
  containing,
  keysetOf,
  keysetResult,
  keysetWindow,
  LIST_PAGE_SIZE,
  oneOf,
  type Choice,
  type Keyset,
} from "@/lib/data/paging";
import type { Actor, ActorRole } from "@/lib/workflow";
import { FEEDBACK_STAGES, processFeedbackSchema, type FeedbackStage } from "@/lib/validation/pilot-learning";

// Stage 11, pilot learning: the pilot exists to refine the process. Staff and reviewers leave process
// feedback; staff see how long credentials and specifications spend in each state, per route (origin),
// computed from the audit trail.

const FEEDBACK_ROLES: readonly ActorRole[] = ["CENTRE_STAFF", "REVIEWER"];

export const recordProcessFeedback = defineCommand(processFeedbackSchema, async (tx, input, actor) => {
  assertRole(actor, FEEDBACK_ROLES, "leave process feedback");
  if (input.credentialId) {
    const credential = await tx.credential.findFirst({
      where: { AND: [{ id: input.credentialId }, credentialScope(actor)] },
      select: { id: true },
    });
    if (!credential) {
      throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
        credentialId: ["Choose a credential from the list"],
      });
    }
  }
  const feedback = await tx.processFeedback.create({
    data: {
      authorId: actor.id,
      stage: input.stage,
      credentialId: input.credentialId || null,
      rating: input.rating ?? null,
      body: input.comment,
    },
  });
  await recordAudit(tx, {
    entityType: "ProcessFeedback",
    entityId: feedback.id,
    action: "create",
    actor,
    data: { stage: feedback.stage, credentialId: feedback.credentialId, rating: feedback.rating },
  });
  return { id: feedback.id };
});

export type FeedbackFilters = { stage?: string; credentialId?: string } & Keyset;

export const FEEDBACK_PAGE_SIZE = LIST_PAGE_SIZE;

/** Staff see every piece of feedback; reviewers only their own; nobody else any. Newest first, a keyset page at a time. */
export async function listProcessFeedback(actor: Actor, filters: FeedbackFilters = {}, size = FEEDBACK_PAGE_SIZE) {
  if (!FEEDBACK_ROLES.includes(actor.role)) return { rows: [], total: 0, next: null, previous: null };
  const stage = oneOf(FEEDBACK_STAGES, filters.stage);
  const where: Prisma.ProcessFeedbackWhereInput = {
    AND: [
      actor.role === "CENTRE_STAFF" ? {} : { authorId: actor.id },
      stage ? { stage } : {},
      filters.credentialId ? { credentialId: filters.credentialId } : {},
    ],
  };
  const keyset = keysetOf(filters);
  const [rows, total] = await Promise.all([
    db().processFeedback.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...keysetWindow(keyset, size, String),
      include: { credential: { select: { id: true, reference: true, title: true } } },
    }),
    db().processFeedback.count({ where }),
  ]);
  const page = keysetResult(rows, total, keyset, size);
  const authors = await db().user.findMany({
    where: { id: { in: [...new Set(page.rows.map((r) => r.authorId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(authors.map((a) => [a.id, a.name]));
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, stage: r.stage as FeedbackStage, authorName: nameOf.get(r.authorId) ?? "Unknown user" })),
  };
}

/** Credentials the user may attach feedback to: at most CHOICE_LIMIT, narrowed by reference or title. */
export async function feedbackCredentials(
  actor: Actor,
  search?: string,
): Promise<Choice<{ id: string; reference: string; title: string }>> {
  const where: Prisma.CredentialWhereInput = {
    AND: [credentialScope(actor), search ? { OR: [{ reference: containing(search) }, { title: containing(search) }] } : {}],
  };
  const [options, total] = await Promise.all([
    db().credential.findMany({
      where,
      select: { id: true, reference: true, title: true },
      orderBy: { reference: "asc" },
      take: CHOICE_LIMIT,
    }),
    db().credential.count({ where }),
  ]);
  return { options, total, search };
}

export type CycleTimeRow = {
  origin: CredentialOrigin;
  entityType: "Credential" | "SpecificationVersion";
  state: string;
  count: number;
  medianDays: number;
  meanDays: number;
};

const STATE_ORDER: Record<CycleTimeRow["entityType"], string[]> = {
  SpecificationVersion: Object.values(SpecificationStatus),
  Credential: Object.values(CredentialStatus),
};
const ORIGIN_ORDER: CredentialOrigin[] = ["COMMISSIONED", "PILOT_PHASE_1", "PILOT_PHASE_2"];

/**
 * Time spent in each state, from the audit trail: per entity (ordered by time), an event whose `toState`
 * differs from the previous event's (LAG) enters a state, and the next such event (LEAD) leaves it.
 * Self-transitions (edits) do not split a stay; the state an entity is in now has not been left, so it is
 * not counted. Specification versions take their credential's origin.
 */
export async function stageCycleTimes(actor: Actor): Promise<CycleTimeRow[]> {
  assertRole(actor, ["CENTRE_STAFF"], "see stage cycle-times");
  // The same for every member of staff, and a pass over every specification's and credential's audit trail (about
  // 400 ms on the national-scale data): read once and shared like the lists' totals.
  return shared(["stage-cycle-times"], readStageCycleTimes);
}

async function readStageCycleTimes(): Promise<CycleTimeRow[]> {
  const rows = await readDb().$queryRaw<
    { origin: string; entityType: string; state: string; count: number; medianDays: number; meanDays: number }[]
  >`
    WITH events AS (
      SELECT a."entityType", a."entityId", a."toState" AS state, a."createdAt", a.id,
             LAG(a."toState") OVER (PARTITION BY a."entityType", a."entityId" ORDER BY a."createdAt", a.id) AS previous_state
      FROM "AuditEvent" a
      WHERE a."entityType" IN ('SpecificationVersion', 'Credential') AND a."toState" IS NOT NULL
    ),
    entries AS (
      SELECT "entityType", "entityId", state, "createdAt" AS entered_at,
             LEAD("createdAt") OVER (PARTITION BY "entityType", "entityId" ORDER BY "createdAt", id) AS left_at
      FROM events
      WHERE previous_state IS DISTINCT FROM state
    ),
    stays AS (
      SELECT COALESCE(c.origin, vc.origin)::text AS origin, e."entityType", e.state,
             EXTRACT(EPOCH FROM (e.left_at - e.entered_at))::float8 / 86400.0 AS days
      FROM entries e
      LEFT JOIN "Credential" c ON e."entityType" = 'Credential' AND c.id = e."entityId"
      LEFT JOIN "SpecificationVersion" v ON e."entityType" = 'SpecificationVersion' AND v.id = e."entityId"
      LEFT JOIN "Credential" vc ON vc.id = v."credentialId"
      WHERE e.left_at IS NOT NULL
    )
    SELECT origin, "entityType", state,
           COUNT(*)::int AS count,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::float8 AS "medianDays",
           AVG(days)::float8 AS "meanDays"
    FROM stays
    WHERE origin IS NOT NULL
    GROUP BY origin, "entityType", state`;
  const rank = (r: { origin: string; entityType: string; state: string }) => [
    ORIGIN_ORDER.indexOf(r.origin as CredentialOrigin),
    r.entityType === "SpecificationVersion" ? 0 : 1,
    STATE_ORDER[r.entityType as CycleTimeRow["entityType"]]?.indexOf(r.state) ?? 99,
  ];
  return rows
    .map((r) => ({
      ...r,
      origin: r.origin as CredentialOrigin,
      entityType: r.entityType as CycleTimeRow["entityType"],
      count: Number(r.count),
    }))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.state.localeCompare(b.state);
    });
}
