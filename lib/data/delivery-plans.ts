import "server-only";
import {
  CHOICE_LIMIT,
  containing,
  LIST_PAGE_SIZE,
  oneOf,
  pageNumber,
  pageResult,
  pageWindow,
  RECORD_TABLE_SIZE,
  rowsOfPage,
  type Choice,
} from "@/lib/data/paging";
import { listTotal } from "@/lib/data/totals";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import {
  annualReturnScope,
  completionScope,
  credentialScope,
  deliveryPlanScope,
  impactReturnScope,
  planChangeScope,
  qualityReviewScope,
} from "@/lib/data/scope";
import { applyTransition } from "@/lib/data/transition";
import { notifyUsers, organisationMembers, type Message } from "@/lib/notify";
import {
  canStartPlan,
  DELIVERY_PLAN_STATES,
  deliveryPlanMachine,
  monitoredUntilFirstCohort,
  type Actor,
  type DeliveryPlanContext,
  type DeliveryPlanStatus,
  type PlanRecordTransition,
} from "@/lib/workflow";

// Delivery plans: staff see every provider's, providers their own organisation's. The commands that change a
// plan are in delivery-plan-commands.ts; this file holds the reads they share with the pages.

export type DeliveryPlanFilters = { status?: string; page?: string };

export const DELIVERY_PLANS_PAGE_SIZE = LIST_PAGE_SIZE;

/**
 * The dashboards' grouped filters: "submitted" is everything awaiting the Centre (in review included), "draft" is
 * everything back with the provider (changes requested included). Any other state filters exactly.
 */
const STATUS_GROUPS: Partial<Record<DeliveryPlanStatus, DeliveryPlanStatus[]>> = {
  SUBMITTED: ["SUBMITTED", "IN_REVIEW"],
  DRAFT: ["DRAFT", "CHANGES_REQUESTED"],
};

function statusesFor(value?: string): DeliveryPlanStatus[] | undefined {
  const status = oneOf(DELIVERY_PLAN_STATES, value);
  return status ? (STATUS_GROUPS[status] ?? [status]) : undefined;
}

export async function listDeliveryPlans(actor: Actor, filters: DeliveryPlanFilters = {}) {
  const statuses = statusesFor(filters.status);
  const scope = deliveryPlanScope(actor);
  const where: Prisma.DeliveryPlanWhereInput = { AND: [scope, statuses ? { status: { in: statuses } } : {}] };
  const page = pageNumber(filters.page);
  const [ids, total] = await Promise.all([
    db().deliveryPlan.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, DELIVERY_PLANS_PAGE_SIZE),
      select: { id: true },
    }),
    listTotal("delivery-plans", scope, statuses?.join() ?? "", () => db().deliveryPlan.count({ where })),
  ]);
  const rows = await rowsOfPage(ids, (page) =>
    db().deliveryPlan.findMany({
      where: { AND: [where, { id: { in: page } }] },
      select: {
        id: true,
        programmeTitle: true,
        status: true,
        flaggedAt: true,
        flagReason: true,
        organisation: { select: { name: true } },
        credential: { select: { id: true, reference: true, title: true } },
      },
    }),
  );
  const counts = await countsOfPlans(rows.map((p) => p.id));
  const marked = rows.map((p) => {
    const _count = counts(p.id);
    return { ...p, newPlan: awaitingFirstCohort({ status: p.status, _count }), enhanced: _count.monitorings > 0 };
  });
  return pageResult(marked, total, page, DELIVERY_PLANS_PAGE_SIZE);
}

/**
 * Whether each plan of a page is still new and under enhanced monitoring, counted in SQL for those plans only: one
 * grouped query per count, on the page's ids. (Asked for as `_count` with the rows, Prisma groups the whole child
 * table before joining it: every completion in the country counted to mark 25 plans.)
 */
async function countsOfPlans(ids: string[]) {
  const { completions, annualReturns } = FIRST_COHORT_COUNTS._count.select;
  const byPlan = (rows: { planId: string | null; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.planId, r._count._all]));
  const [completed, returned, monitored] = await Promise.all([
    db().completion.groupBy({ by: ["planId"], where: { AND: [{ planId: { in: ids } }, completions.where] }, _count: { _all: true } }),
    db().annualReturn.groupBy({ by: ["planId"], where: { AND: [{ planId: { in: ids } }, annualReturns.where] }, _count: { _all: true } }),
    db().enhancedMonitoring.groupBy({ by: ["planId"], where: { planId: { in: ids }, status: "ACTIVE" }, _count: { _all: true } }),
  ]).then((groups) => groups.map(byPlan));
  return (id: string) => ({
    completions: completed.get(id) ?? 0,
    annualReturns: returned.get(id) ?? 0,
    monitorings: monitored.get(id) ?? 0,
  });
}

const PLAN_SELECT = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  programmeTitle: true,
  award: true,
  deliveryMode: true,
  startsOn: true,
  cohortSize: true,
  staffingAndSupervision: true,
  qualityAssurance: true,
  conditions: true,
  decisionRationale: true,
  flaggedAt: true,
  flagReason: true,
  suspendedReason: true,
  closedReason: true,
  submittedAt: true,
  decidedAt: true,
  specificationVersionId: true,
  organisation: { select: { name: true } },
  credential: { select: { id: true, reference: true, title: true, status: true } },
  specificationVersion: {
    select: { number: true, learningOutcomes: { orderBy: { position: "asc" }, select: { id: true, position: true, text: true } } },
  },
  mappings: { select: { learningOutcomeId: true, module: true, assessment: true } },
} satisfies Prisma.DeliveryPlanSelect;

/** One plan as the actor may see it (null when outside their scope): its fields, outcomes and mappings. */
export function findDeliveryPlan(client: Tx, actor: Actor, id: string) {
  return client.deliveryPlan.findFirst({ where: { AND: [{ id }, deliveryPlanScope(actor)] }, select: PLAN_SELECT });
}

export const getDeliveryPlan = (actor: Actor, id: string) => findDeliveryPlan(db(), actor, id);

/**
 * The records that hang off a plan — its quality reviews, impact returns, completions and reported changes — as this
 * actor may see each (a reviewer only the reviews they are on), the latest RECORD_TABLE_SIZE of each with how many
 * there are, to be read with the plan.
 */
function recordsSelect(actor: Actor) {
  const annual = annualReturnScope(actor);
  const reviews = qualityReviewScope(actor);
  const impact = impactReturnScope(actor);
  const completions = completionScope(actor);
  const changes = planChangeScope(actor);
  return {
    annualReturns: { where: annual, orderBy: { year: "desc" }, take: RECORD_TABLE_SIZE, select: { id: true, year: true, status: true } },
    qualityReviews: {
      where: reviews,
      orderBy: [{ scheduledOn: "desc" }, { id: "asc" }],
      take: RECORD_TABLE_SIZE,
      select: { id: true, scheduledOn: true, status: true },
    },
    impactReturns: {
      where: impact,
      orderBy: [{ period: "desc" }, { id: "asc" }],
      take: RECORD_TABLE_SIZE,
      select: { id: true, period: true, status: true },
    },
    completions: {
      where: completions,
      orderBy: [{ completedOn: "desc" }, { id: "asc" }],
      take: RECORD_TABLE_SIZE,
      select: { id: true, practitionerName: true, status: true },
    },
    changes: {
      where: changes,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: RECORD_TABLE_SIZE,
      select: { id: true, category: true, kind: true, status: true, createdAt: true },
    },
    counts: {
      annualReturns: { where: annual },
      qualityReviews: { where: reviews },
      impactReturns: { where: impact },
      completions: { where: completions },
      changes: { where: changes },
    },
  } satisfies Prisma.DeliveryPlanSelect & { counts: Prisma.DeliveryPlanCountOutputTypeSelect };
}

/**
 * The plan's page: the plan as `getDeliveryPlan` gives it (null outside the actor's scope) and its records, in one
 * statement — the records' rows and counts joined to the plan's.
 */
export async function deliveryPlanPage(actor: Actor, id: string) {
  const { counts, ...records } = recordsSelect(actor);
  const plan = await db().deliveryPlan.findFirst({
    where: { AND: [{ id }, deliveryPlanScope(actor)] },
    select: { ...PLAN_SELECT, ...records, _count: { select: counts } },
  });
  if (!plan) return null;
  const { qualityReviews, impactReturns, completions, changes, _count } = plan;
  return {
    plan,
    records: {
      qualityReviews: { rows: qualityReviews, total: _count.qualityReviews },
      impactReturns: { rows: impactReturns, total: _count.impactReturns },
      completions: { rows: completions, total: _count.completions },
      changes: { rows: changes, total: _count.changes },
    },
  };
}
export type PlanRecordsData = NonNullable<Awaited<ReturnType<typeof deliveryPlanPage>>>["records"];

export type DeliveryPlanDetail = NonNullable<Awaited<ReturnType<typeof getDeliveryPlan>>>;
type Mapping = DeliveryPlanDetail["mappings"][number];

const mapped = (m: Mapping) => m.module.trim() !== "" && m.assessment.trim() !== "";

/** "learning outcome 4", … for every outcome of the plan's version without both a module and an assessment. */
export function unmappedOutcomes(plan: Pick<DeliveryPlanDetail, "specificationVersion" | "mappings">): string[] {
  const done = new Set(plan.mappings.filter(mapped).map((m) => m.learningOutcomeId));
  return plan.specificationVersion.learningOutcomes.filter((o) => !done.has(o.id)).map((o) => `learning outcome ${o.position}`);
}

/** The details a plan must have before it is submitted, as they are named in the refusal. */
const REQUIRED_DETAILS = [
  ["award", "the award"],
  ["deliveryMode", "the delivery mode"],
  ["startsOn", "the start date"],
  ["cohortSize", "the cohort size"],
  ["staffingAndSupervision", "staffing and supervision"],
  ["qualityAssurance", "quality-assurance arrangements"],
] as const satisfies readonly (readonly [keyof DeliveryPlanDetail, string])[];

type PlanDetails = Pick<DeliveryPlanDetail, (typeof REQUIRED_DETAILS)[number][0]>;

/** "the award", "the cohort size", … for every required detail that is blank (null or only spaces). */
export function missingDetails(plan: PlanDetails): string[] {
  const blank = (value: unknown) => value === null || (typeof value === "string" && value.trim() === "");
  return REQUIRED_DETAILS.filter(([field]) => blank(plan[field])).map(([, words]) => words);
}

/** The facts the state machine needs about a plan, plus what the user supplied with the action. */
export function planContext(
  plan: DeliveryPlanDetail,
  supplied: Pick<DeliveryPlanContext, "rationale" | "conditions" | "reason"> = {},
): DeliveryPlanContext {
  return {
    organisationId: plan.organisationId,
    credentialStatus: plan.credential.status,
    unmappedOutcomes: unmappedOutcomes(plan),
    missingDetails: missingDetails(plan),
    approvedWithConditions: Boolean(plan.conditions),
    ...supplied,
  };
}

/** What `keepPlanFor` needs of a plan, for the selects of the commands that hang a record off one. */
export const PLAN_FOR_RECORD = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  credential: { select: { status: true } },
} satisfies Prisma.DeliveryPlanSelect;
type PlanForRecord = Prisma.DeliveryPlanGetPayload<{ select: typeof PLAN_FOR_RECORD }>;

/**
 * A record hung off a plan (a completion, an impact return, a quality review, an annual return) is the plan's
 * transition that keeps its state: the machine says whether the plan's status permits it, and the plan is locked
 * and audited while the record is made.
 */
export function keepPlanFor(tx: Tx, plan: PlanForRecord, transition: PlanRecordTransition, actor: Actor) {
  return applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition,
    row: plan,
    actor,
    context: recordContext(plan),
    table: tx.deliveryPlan,
  });
}

/** What the machine needs to judge a record hung off an approved plan: its organisation and its credential's status. */
export function recordContext(plan: Pick<PlanForRecord, "organisationId" | "credential">): DeliveryPlanContext {
  return { organisationId: plan.organisationId, credentialStatus: plan.credential.status, unmappedOutcomes: [], missingDetails: [] };
}

/** Providers may start a plan against a credential a provider can see, or learn why a withdrawn one is closed. */
const startableScope = (actor: Actor): Prisma.CredentialWhereInput => ({ OR: [credentialScope(actor), { status: "WITHDRAWN" }] });

/** Whether a plan may start now, and against which specification version (the credential's endorsed one). */
export type PlanStart = { ok: true; versionId: string } | { ok: false; reason: string };

/** The credential a new plan would be made against, and whether one may start now (null when not found). */
export async function credentialForNewPlan(client: Tx, actor: Actor, credentialId: string) {
  const credential = await client.credential.findFirst({
    where: { AND: [{ id: credentialId }, startableScope(actor)] },
    select: { id: true, reference: true, title: true, status: true, endorsedVersionId: true },
  });
  if (!credential) return null;
  const allowed = canStartPlan(credential.status);
  const start: PlanStart = !allowed.ok
    ? allowed
    : credential.endorsedVersionId === null
      ? { ok: false, reason: "This credential has no endorsed specification to deliver yet." }
      : { ok: true, versionId: credential.endorsedVersionId };
  return { ...credential, start };
}

export const newPlanTarget = (actor: Actor, credentialId: string) => credentialForNewPlan(db(), actor, credentialId);

/** Credentials a provider can start a delivery plan against now: at most CHOICE_LIMIT, narrowed by reference or title. */
export async function credentialsOpenForPlans(
  actor: Actor,
  search?: string,
): Promise<Choice<{ id: string; reference: string; title: string }>> {
  const where: Prisma.CredentialWhereInput = {
    AND: [
      credentialScope(actor),
      { status: { in: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"] }, endorsedVersionId: { not: null } },
      search ? { OR: [{ reference: containing(search) }, { title: containing(search) }] } : {},
    ],
  };
  const [options, total] = await Promise.all([
    db().credential.findMany({
      where,
      orderBy: { reference: "asc" },
      take: CHOICE_LIMIT,
      select: { id: true, reference: true, title: true },
    }),
    db().credential.count({ where }),
  ]);
  return { options, total, search };
}

/** The counts that say whether a plan's first cohort has completed: filtered relation counts, done in SQL. */
export const FIRST_COHORT_COUNTS = {
  status: true,
  _count: {
    select: {
      completions: { where: { status: { not: "REVOKED" } } },
      annualReturns: { where: { status: "ACCEPTED", figures: { some: { completions: { gt: 0 } } } } },
    },
  },
} as const;

/** A delivering plan none of whose learners is yet known to have completed. */
export const awaitingFirstCohort = (plan: { status: DeliveryPlanStatus; _count: { completions: number; annualReturns: number } }) =>
  monitoredUntilFirstCohort(plan.status, plan._count.completions + plan._count.annualReturns);

export const planLink = (planId: string) => `/delivery-plans/${planId}`;

/** Tells the education-provider staff of the plan's organisation. */
export async function notifyPlanProviders(tx: Tx, organisationId: string, message: Message, exceptUserId?: string) {
  await notifyUsers(tx, await organisationMembers(tx, organisationId, "PROVIDER"), message, exceptUserId);
}

const INACTIVE_PLAN_STATES: DeliveryPlanStatus[] = ["CLOSED", "REJECTED"];

/**
 * Flags every active plan of a credential that is being withdrawn (call it in the withdrawal's transaction).
 * Flagging is not a state change: the plan keeps its status, and staff then decide whether to suspend or close it.
 * Returns the ids of the plans flagged now; plans flagged before are left as they are.
 */
export async function flagPlansForWithdrawnCredential(tx: Tx, credentialId: string, actor: Actor, reason: string): Promise<string[]> {
  const plans = await tx.deliveryPlan.updateManyAndReturn({
    where: { credentialId, status: { notIn: INACTIVE_PLAN_STATES }, flaggedAt: null },
    data: { flaggedAt: new Date(), flagReason: reason },
    select: { id: true, status: true, organisationId: true, programmeTitle: true },
  });
  for (const plan of plans) {
    await recordAudit(tx, {
      entityType: "DeliveryPlan",
      entityId: plan.id,
      action: "flag",
      from: plan.status,
      to: plan.status,
      actor,
      reason,
    });
    await notifyPlanProviders(tx, plan.organisationId, {
      kind: "DECISIONS",
      title: `Credential withdrawn: ${plan.programmeTitle}`,
      body: `The credential this delivery plan delivers has been withdrawn. ${reason}`,
      link: planLink(plan.id),
    });
  }
  return plans.map((p) => p.id);
}
