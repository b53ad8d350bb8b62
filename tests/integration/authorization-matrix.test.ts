// Who may call which server action. Every exported function of every app/**/actions.ts is found on disk and must
// have a row below; each row calls its action as every role of the organisation that owns the record, as the same
// role from another organisation, and with no session, and checks the outcome against the row. An allowed call must
// really change the record; a refused one must leave it, the audit trail, notifications and e-mails as they were.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import type { ErrorCode } from "@/lib/errors";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { criteriaSet } from "../support/criteria";
import { testDb } from "../support/db";
import { withExpertise } from "../support/endorsement";
import { endorsedCredential, plan as completePlan } from "../support/delivery-factory";
import * as make from "../support/factory";
import { annualReturn, findingWithAction, impactReturn, qualityReview } from "../support/quality-factory";
import { assignReviewer, credentialWithVersion } from "../support/specification-factory";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, started: [] as string[], ended: 0 }));

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const { AppError } = await import("@/lib/errors");
  return {
    ...(await importOriginal<object>()),
    actingUser: async () => {
      if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      return session.user;
    },
    currentUser: async () => session.user,
    startSession: async (user: SessionUser) => void session.started.push(user.id),
    endSession: async () => void session.ended++,
  };
});
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  // Outside a Next server there is no data cache: cached reads run straight through.
  unstable_cache: <F>(fn: F) => fn,
}));
// The client address is read from the request's headers, which a test has none of.
vi.mock("@/lib/security/client-address", () => ({ clientAddress: async () => "192.0.2.10" }));
vi.mock("next/navigation", () => {
  // Next's redirect() and notFound() throw; the digest is how Next tells them apart from errors.
  const thrown = (digest: string) => Object.assign(new Error(digest), { digest });
  return {
    redirect: (url: string) => {
      throw thrown(`NEXT_REDIRECT;replace;${url};307;`);
    },
    notFound: () => {
      throw thrown("NEXT_HTTP_ERROR_FALLBACK;404");
    },
  };
});

// ---------------------------------------------------------------------------------------------------------------
// The actions, as the app has them

type ActionFn = (prev: unknown, form: FormData) => Promise<unknown>;

const APP = path.resolve(import.meta.dirname, "../../app");

function actionModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? actionModules(path.join(dir, e.name)) : e.name === "actions.ts" ? [path.join(dir, e.name)] : [],
  );
}

/** "credentials/[id]/review#assignReviewers": the module's route without route groups, then the export. */
const actionKey = (file: string, name: string) =>
  `${path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => !s.startsWith("("))
    .join("/")}#${name}`;

const ACTIONS: { key: string; fn: ActionFn }[] = [];
for (const file of actionModules(APP).sort()) {
  const mod = (await import(file)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function") ACTIONS.push({ key: actionKey(file, name), fn: value as ActionFn });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The people: each role of the organisations that own the records, the same role elsewhere, and nobody.

const CELLS = [
  "staff",
  "expert",
  "provider",
  "reviewer",
  "groupReviewer",
  "providerReviewer",
  "otherExpert",
  "otherProvider",
  "otherReviewer",
  "anonymous",
] as const;
type Cell = (typeof CELLS)[number];
type Person = Exclude<Cell, "anonymous">;

/**
 * Centre staff act Centre-wide (their scope has no organisation), so "staff of another organisation" does not exist;
 * one non-admin member of staff stands for all. Nobody here is an admin, so admin actions are refused to everyone
 * (their allowed path is tested with an admin beside their data layer, e.g. tests/integration/outbox.test.ts). "reviewer" is the reviewer assigned
 * to the record (from an independent organisation); "otherReviewer" is a reviewer not assigned to it. Reviewers who
 * belong to the expert group ("groupReviewer") or the education provider ("providerReviewer") are assigned alongside
 * "reviewer" to the endorsement and quality reviews respectively, as if their organisation had changed since: a
 * conflict of interest, so they may never act where their own organisation is the subject.
 */
type World = Record<Person, SessionUser> & {
  group: string;
  providerOrg: string;
  /** A second unconflicted reviewer, never a caller: endorsement needs two. */
  panelReviewer: string;
  gatewayCriteria: string[];
  endorsementCriteria: string[];
  endorsementCriteriaSetId: string;
};

let w: World;

const unique = () => randomUUID().slice(0, 8);

async function criteria() {
  const db = testDb();
  const gateway = (await db.criteriaSet.findFirst({ where: { kind: "GATEWAY" } })) ?? (await criteriaSet("GATEWAY"));
  const endorsement = (await db.criteriaSet.findFirst({ where: { kind: "ENDORSEMENT" } })) ?? (await criteriaSet("ENDORSEMENT"));
  const ratable = async (setId: string) =>
    (await db.criterion.findMany({ where: { setId, parts: { none: {} } }, orderBy: { sortOrder: "asc" } })).map((c) => c.id);
  return {
    endorsementCriteriaSetId: endorsement.id,
    gatewayCriteria: await ratable(gateway.id),
    endorsementCriteria: await ratable(endorsement.id),
  };
}

beforeAll(async () => {
  const org = async (kind: Parameters<typeof make.organisation>[0]) => (await make.organisation(kind)).id;
  const [centre, group, otherGroup, providerOrg, otherProviderOrg, panel, otherPanel] = [
    await org("CENTRE"),
    await org("EXPERT_GROUP"),
    await org("EXPERT_GROUP"),
    await org("EDUCATION_PROVIDER"),
    await org("EDUCATION_PROVIDER"),
    await org("OTHER"),
    await org("OTHER"),
  ];
  w = {
    staff: await make.sessionUser("CENTRE_STAFF", centre),
    expert: await make.sessionUser("EXPERT", group),
    provider: await make.sessionUser("PROVIDER", providerOrg),
    reviewer: await withExpertise(await make.sessionUser("REVIEWER", panel), ["ACADEMIC"]),
    otherExpert: await make.sessionUser("EXPERT", otherGroup),
    otherProvider: await make.sessionUser("PROVIDER", otherProviderOrg),
    otherReviewer: await make.sessionUser("REVIEWER", otherPanel),
    groupReviewer: await make.sessionUser("REVIEWER", group),
    providerReviewer: await make.sessionUser("REVIEWER", providerOrg),
    group,
    providerOrg,
    panelReviewer: (await withExpertise(await make.sessionUser("REVIEWER", panel), ["CLINICAL"], ["Nurse"])).id,
    ...(await criteria()),
  };
  // Opens the app's first database connection now: on a busy machine, opening it inside the first action's
  // transaction can outlast the transaction's wait for a connection.
  await db().$queryRaw`SELECT 1`;
}, 60_000);

// ---------------------------------------------------------------------------------------------------------------
// Starting records, all belonging to the world's expert group and education provider

type Fields = Record<string, string | number | string[]>;

function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, String(x));
  return form;
}

/** Status and version of one row: what a transition changes. */
async function rowOf(table: string, id: string) {
  const rows = await testDb().$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}" WHERE id = $1`, id);
  return JSON.stringify(rows[0]);
}
const countOf = async (table: string) =>
  Number((await testDb().$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);

const idv = (r: { id: string; version: number }) => ({ id: r.id, version: r.version });
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SPEC_FIELDS: Fields = {
  purposeAndScope: "Prepares advanced practitioners for same day emergency care.",
  targetGroup: "Nurses, paramedics and pharmacists.",
  entryRequirements: "Registration and three years' experience.",
  linksToOtherProvision: "Builds on the urgent care credential.",
  assessmentStrategy: "Portfolio and OSCE.",
  academicLevel: 7,
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended"],
  supervisionRequirements: "A named clinical supervisor.",
  evidenceBase: "Society for Acute Medicine benchmarks.",
  "outcomes.0.text": "Assess adults with undifferentiated acute presentations.",
  "outcomes.0.pillars": "CLINICAL_PRACTICE",
};

const PLAN_DETAILS: Fields = {
  programmeTitle: "PG Cert Acute Medicine",
  award: "PG Cert",
  deliveryMode: "Blended",
  startsOn: futureDate(280),
  cohortSize: 24,
  staffingAndSupervision: "Programme lead and named supervisors",
  qualityAssurance: "External examiner",
};

/** The figures of an impact return, by a profession chosen from the list. */
const impactFigures = async (): Promise<Fields> => ({
  period: "2025/26",
  enrolled: 20,
  completed: 15,
  withdrawn: 2,
  deployed: 10,
  "professions.0.professionId": (await make.profession("Nursing", "NMC")).id,
  "professions.0.enrolled": 12,
  "professions.0.completed": 9,
  "professions.0.deployed": 6,
  employerFeedback: "Graduates run the ambulatory clinic.",
  patientBenefit: "Shorter waits in same day emergency care.",
});

const fixtures = {
  async priority(status: "DRAFT" | "PUBLISHED", gatewayOutcome: "NOT_ASSESSED" | "PASSED" = "NOT_ASSESSED") {
    const round = await make.round("OPEN");
    return make.priority(round.id, { status, gatewayOutcome });
  },
  async commission(status: "DRAFT" | "ISSUED") {
    const p = await fixtures.priority("PUBLISHED", "PASSED");
    return make.commission(p.id, w.group, w.staff.id, status);
  },
  /** A version of the expert group's credential; reviewer assigned when it is under review. */
  async version(
    status: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "CHANGES_REQUESTED",
    origin: "COMMISSIONED" | "PILOT_PHASE_1" = "COMMISSIONED",
  ) {
    const { credential, version } = await credentialWithVersion(w.group, { status, origin });
    if (status === "IN_REVIEW") {
      await assignReviewer(version.id, w.reviewer.id);
      const review = await testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: version.id } });
      await testDb().reviewerAssignment.create({ data: { reviewId: review.id, reviewerId: w.groupReviewer.id } });
    }
    return { credential, version };
  },
  /** The world's reviewer's assignment to a version under review. */
  async assignment() {
    const { version } = await fixtures.version("IN_REVIEW");
    return testDb().reviewerAssignment.findFirstOrThrow({
      where: { reviewerId: w.reviewer.id, review: { specificationVersionId: version.id } },
    });
  },
  async comment(status: "OPEN" | "RESOLVED") {
    const { version } = await fixtures.version("IN_REVIEW");
    return testDb().comment.create({
      data: {
        specificationVersionId: version.id,
        section: "purposeAndScope",
        authorId: w.expert.id,
        body: "Is the scope too broad?",
        status,
      },
    });
  },
  async condition(status: "OPEN" | "MET") {
    const c = await endorsedCredential("ENDORSED", 1, w.group);
    const review = await testDb().endorsementReview.create({
      data: {
        specificationVersionId: c.versionId,
        criteriaSetId: w.endorsementCriteriaSetId,
        status: "DECIDED",
        decision: "ENDORSE_WITH_CONDITIONS",
      },
    });
    return testDb().endorsementCondition.create({
      data: { reviewId: review.id, credentialId: c.id, text: "Add a supervision log template.", status },
    });
  },
  credential: () => endorsedCredential("ENDORSED", 2, w.group),
  async plan(status: Parameters<typeof completePlan>[2] = "APPROVED") {
    return completePlan(await fixtures.credential(), w.providerOrg, status);
  },
  async qualityReview(status: "PLANNED" | "IN_PROGRESS" | "REPORTED" | "CLOSED", withFinding = false) {
    const p = await fixtures.plan("APPROVED");
    const review = await qualityReview(p.id, w.staff.id, [w.reviewer.id, w.providerReviewer.id], status);
    const found = withFinding ? await findingWithAction(review.id, w.providerOrg, w.reviewer.id, "OPEN") : null;
    return { plan: p, review, finding: found?.finding, action: found?.action };
  },
  async qualityAction(status: "OPEN" | "RESPONDED") {
    const { review } = await fixtures.qualityReview("IN_PROGRESS");
    return (await findingWithAction(review.id, w.providerOrg, w.reviewer.id, status)).action;
  },
  async periodicReview(allChecks: boolean) {
    const c = await fixtures.credential();
    await testDb().credential.update({ where: { id: c.id }, data: { status: "UNDER_PERIODIC_REVIEW" } });
    const kinds = allChecks ? (["CHANGING_NEEDS", "EVIDENCE_BASE", "TECHNOLOGICAL_ADVANCES", "NEW_MODELS_OF_CARE"] as const) : [];
    return testDb().periodicReview.create({
      data: {
        credentialId: c.id,
        dueAt: new Date(Date.now() + 30 * 86_400_000),
        status: "IN_PROGRESS",
        checks: { create: kinds.map((kind) => ({ kind, finding: "No change needed.", changeNeeded: false, recordedById: w.staff.id })) },
      },
    });
  },
  async completion() {
    const p = await fixtures.plan("APPROVED");
    const practitioner = await make.practitioner(w.providerOrg, { name: "Amara Okafor" });
    return testDb().completion.create({
      data: {
        planId: p.id,
        organisationId: w.providerOrg,
        credentialId: p.credentialId,
        practitionerId: practitioner.id,
        practitionerName: "Amara Okafor",
        registration: "12A3456E",
        profession: "Nursing",
        completedOn: new Date("2026-07-15"),
      },
    });
  },
  /** A change the education provider reported to its approved plan. */
  async planChange(status: "REPORTED" | "MORE_INFORMATION_REQUESTED") {
    const p = await fixtures.plan("APPROVED");
    const reporter = await testDb().user.findFirstOrThrow({ where: { organisationId: w.providerOrg, role: "PROVIDER" } });
    return testDb().planChange.create({
      data: {
        planId: p.id,
        organisationId: w.providerOrg,
        reportedById: reporter.id,
        category: "ASSESSMENT",
        kind: "MAJOR",
        whatChanged: "The OSCE becomes a portfolio.",
        why: "Examiners are scarce.",
        status,
      },
    });
  },
  /** A re-mapping of the provider's approved plan to version 2, whose one new outcome the provider has mapped if submitted. */
  async remappingTask(status: "OPEN" | "SUBMITTED") {
    const p = await fixtures.plan("APPROVED");
    const v2 = await testDb().specificationVersion.create({
      data: {
        credentialId: p.credentialId,
        number: 2,
        status: "ENDORSED",
        learningOutcomes: { create: [{ position: 1, text: "A new outcome", pillars: ["CLINICAL_PRACTICE"] }] },
      },
      include: { learningOutcomes: true },
    });
    const outcomeId = v2.learningOutcomes[0].id;
    const task = await testDb().remappingTask.create({
      data: {
        planId: p.id,
        organisationId: w.providerOrg,
        credentialId: p.credentialId,
        fromVersionId: p.specificationVersionId,
        toVersionId: v2.id,
        dueOn: new Date(Date.now() + 90 * 86_400_000),
        status,
        mappings: status === "SUBMITTED" ? { create: [{ learningOutcomeId: outcomeId, module: "M1", assessment: "OSCE" }] } : undefined,
      },
    });
    return { task, outcomeId };
  },
  /** The education provider's gateway proposal, with evidence for every gateway criterion, and verdicts once assessed. */
  async proposal(status: "DRAFT" | "SUBMITTED" | "UNDER_ASSESSMENT") {
    const { setId } = await testDb().criterion.findUniqueOrThrow({ where: { id: w.gatewayCriteria[0] } });
    const proposer = await testDb().user.findFirstOrThrow({ where: { organisationId: w.providerOrg, role: "PROVIDER" } });
    const verdict = status === "UNDER_ASSESSMENT" ? ({ verdict: "MET", assessedById: w.staff.id } as const) : {};
    return testDb().gatewayProposal.create({
      data: {
        title: "Frailty in the community",
        needSummary: "An ageing population.",
        organisationId: w.providerOrg,
        proposedById: proposer.id,
        criteriaSetId: setId,
        status,
        answers: { create: w.gatewayCriteria.map((criterionId) => ({ criterionId, evidence: "Evidence.", ...verdict })) },
      },
    });
  },
  /** A review of the expert group's specification whose two assessments are in: ready for a decision or a panel. */
  async readyReview() {
    const { version } = await credentialWithVersion(w.group, { status: "IN_REVIEW" });
    const review = await testDb().endorsementReview.create({
      data: {
        specificationVersionId: version.id,
        criteriaSetId: w.endorsementCriteriaSetId,
        assignments: {
          create: [w.reviewer.id, w.panelReviewer].map((reviewerId) => ({ reviewerId, status: "SUBMITTED", recommendation: "ENDORSE" })),
        },
      },
    });
    return { version, review };
  },
  /** A panel meeting today chaired by staff, with the world's reviewer as a member; optionally one item, attendance taken. */
  async meeting(over: { item?: "awaiting" | "recommended"; attended?: boolean; status?: "SCHEDULED" | "HELD" } = {}) {
    const item = over.item ? (await fixtures.readyReview()).review : null;
    return testDb().panelMeeting.create({
      data: {
        title: "Endorsement panel",
        meetsOn: new Date(new Date().toISOString().slice(0, 10)),
        quorum: 1,
        status: over.status ?? "SCHEDULED",
        createdById: w.staff.id,
        attendanceRecordedAt: over.attended ? new Date() : null,
        members: {
          create: [
            { userId: w.staff.id, chair: true, attended: over.attended ?? false },
            { userId: w.reviewer.id, attended: false },
          ],
        },
        items: item
          ? {
              create: [
                {
                  reviewId: item.id,
                  ...(over.item === "recommended"
                    ? { status: "RECOMMENDED" as const, recommendation: "ENDORSE" as const, recommendedAt: new Date() }
                    : {}),
                },
              ],
            }
          : undefined,
      },
      include: { items: true },
    });
  },
  /** A declined specification of the expert group, inside the appeal window the migration records; with a lodged appeal when asked. */
  async declined(appealed = false) {
    const { version, review } = await fixtures.readyReview();
    await testDb().specificationVersion.update({ where: { id: version.id }, data: { status: "DECLINED", decidedAt: new Date() } });
    const decided = await testDb().endorsementReview.update({
      where: { id: review.id },
      data: { status: "DECIDED", decision: "DECLINE", rationale: "Not met.", decidedAt: new Date() },
    });
    const appeal = appealed
      ? await testDb().endorsementAppeal.create({
          data: { reviewId: review.id, grounds: "Wrong version reviewed.", lodgedById: w.expert.id },
        })
      : null;
    return { review: decided, appeal };
  },
  /** The risk rules in effect (one version, made once whichever row's setup comes first), for rating the world's plans. */
  async riskRules() {
    const data = {
      number: 1,
      effectiveFrom: new Date("2020-01-01"),
      source: "Test rules.",
      withdrawalMediumPercent: 15,
      withdrawalHighPercent: 25,
      satisfactionBelowPercent: 75,
      requiresImprovementLevel: "MEDIUM",
      doesNotMeetLevel: "HIGH",
      overdueReturnLevel: "MEDIUM",
      reviewMonthsLow: 24,
      reviewMonthsMedium: 12,
      reviewMonthsHigh: 6,
    } as const;
    // Cells set up side by side: whichever inserts second finds the first one's version.
    await testDb().riskRuleSet.createMany({ data: [data], skipDuplicates: true });
    return testDb().riskRuleSet.findUniqueOrThrow({ where: { number: 1 } });
  },
  /** The risk rating of the provider's approved plan, as the rules gave it or overridden by staff. */
  async planRisk(status: "RATED" | "OVERRIDDEN") {
    const p = await fixtures.plan("APPROVED");
    const rules = await fixtures.riskRules();
    return testDb().planRisk.create({
      data: {
        planId: p.id,
        ruleSetId: rules.id,
        computed: "LOW",
        reasons: [],
        status,
        overrideLevel: status === "OVERRIDDEN" ? "HIGH" : null,
        overrideReason: status === "OVERRIDDEN" ? "Programme lead left." : null,
        nextReviewDueOn: new Date("2028-01-31"),
        ratedAt: new Date(),
      },
    });
  },
  /** The provider's approved plan under enhanced monitoring, with its first report in the given state. */
  async monitoringReport(status: "OPEN" | "SUBMITTED") {
    const p = await fixtures.plan("APPROVED");
    const spell = await testDb().enhancedMonitoring.create({ data: { planId: p.id, reason: "Supervisors left." } });
    const report = await testDb().monitoringReport.create({
      data: {
        monitoringId: spell.id,
        sequence: 1,
        dueOn: new Date(Date.now() + 180 * 86_400_000),
        status,
        narrative: status === "SUBMITTED" ? "All well." : "",
      },
    });
    return { spell, report };
  },
  async impactReturn(status: "DRAFT" | "SUBMITTED") {
    const p = await fixtures.plan("APPROVED");
    return impactReturn(p, { period: "2024/25", enrolled: 10, completed: 8, withdrawn: 1, deployed: 5 }, status);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The matrix

type Target = { form: FormData; state: () => Promise<unknown> };
type Scenario = {
  /** Which record, when an action has more than one kind of it. */
  on?: string;
  allowed: readonly Person[];
  setup: () => Promise<Target>;
  /** What a refusal looks like; by default an authorization error from the pipeline. */
  refusal?: { codes?: readonly ErrorCode[]; noOp?: boolean };
};

const STAFF = ["staff"] as const;
const AUTHZ_CODES: readonly ErrorCode[] = ["NOT_FOUND", "NOT_ALLOWED", "GUARD_FAILED"];

/** A transition on one row: the form is its id and version plus `fields`; the state is the row itself. */
const onRow = (table: string, row: { id: string; version: number }, fields: Fields = {}): Target => ({
  form: formOf({ ...idv(row), ...fields }),
  state: () => rowOf(table, row.id),
});
/** A person's row, changed with the `updatedAt` the form was rendered with. */
async function onPerson(role: "PROVIDER", active: boolean, fields: Fields = {}): Promise<Target> {
  const u = await testDb().user.create({
    data: {
      email: `person-${unique()}@provider.example`,
      name: "Person",
      role,
      organisationId: w.providerOrg,
      active,
      passwordHash: "not-used",
    },
  });
  return { form: formOf({ id: u.id, seenAt: u.updatedAt.toISOString(), ...fields }), state: () => rowOf("User", u.id) };
}
async function onDraftSet(fields: Fields): Promise<Target> {
  const set = await criteriaSet("GATEWAY", { status: "DRAFT", effectiveFrom: null });
  return { form: formOf({ id: set.id, version: set.version, ...fields }), state: () => rowOf("CriteriaSet", set.id) };
}
/** A creation: the state is the number of rows in the table. */
const creates = (table: string, fields: Fields): Target => ({ form: formOf(fields), state: () => countOf(table) });

const MATRIX: Record<string, Scenario[]> = {
  // Priority setting and the gateway: Centre staff only.
  "priorities#createRound": [{ allowed: STAFF, setup: async () => creates("PriorityRound", { name: `Round ${unique()}` }) }],
  "priorities#openRound": [{ allowed: STAFF, setup: async () => onRow("PriorityRound", await make.round("DRAFT")) }],
  "priorities#closeRound": [
    { allowed: STAFF, setup: async () => onRow("PriorityRound", await make.round("OPEN"), { reason: "Priorities settled." }) },
  ],
  "priorities#createPriority": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("Priority", {
          roundId: (await make.round("OPEN")).id,
          title: "Acute medicine",
          workforceNeed: "Shortage of senior decision makers",
          populationNeed: "Same day emergency care",
          longTermPlanLink: "Urgent and emergency care",
          professions: "Nursing\nParamedics",
          estimatedScale: 120,
        }),
    },
  ],
  "priorities#editPriority": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("Priority", await fixtures.priority("DRAFT"), {
          title: "Acute medicine (revised)",
          workforceNeed: "Need",
          populationNeed: "Population",
          longTermPlanLink: "LTP",
          professions: "Nursing",
        }),
    },
  ],
  "priorities#publishPriority": [{ allowed: STAFF, setup: async () => onRow("Priority", await fixtures.priority("DRAFT")) }],
  "priorities#closePriority": [
    {
      allowed: STAFF,
      setup: async () => onRow("Priority", await fixtures.priority("PUBLISHED"), { reason: "Met by existing provision." }),
    },
  ],
  "priorities#movePriority": [
    {
      allowed: STAFF,
      setup: async () => {
        const round = await make.round("OPEN");
        const first = await make.priority(round.id);
        const second = await testDb().priority.update({ where: { id: (await make.priority(round.id)).id }, data: { rank: 2 } });
        return {
          form: formOf({ ...idv(second), direction: "up", neighbourId: first.id, neighbourVersion: first.version }),
          state: async () => [await rowOf("Priority", first.id), await rowOf("Priority", second.id)],
        };
      },
    },
  ],
  "priorities#assessGateway": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow(
          "Priority",
          await fixtures.priority("PUBLISHED"),
          Object.fromEntries(
            w.gatewayCriteria.flatMap((id, i) => [
              [`criteria.${i}.criterionId`, id],
              [`criteria.${i}.met`, "MET"],
              [`criteria.${i}.rationale`, "A defined, high-priority need."],
            ]),
          ),
        ),
    },
  ],

  // Commissioning: staff commission; only the commissioned expert group answers.
  "commissions#createCommission": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("Commission", {
          priorityId: (await fixtures.priority("PUBLISHED", "PASSED")).id,
          organisationId: w.group,
          title: "Acute medicine credential",
          brief: "Develop the specification.",
          deliverables: "A specification.",
          startsOn: futureDate(30),
          dueOn: futureDate(210),
        }),
    },
  ],
  "commissions#issueCommission": [{ allowed: STAFF, setup: async () => onRow("Commission", await fixtures.commission("DRAFT")) }],
  "commissions#cancelCommission": [
    { allowed: STAFF, setup: async () => onRow("Commission", await fixtures.commission("ISSUED"), { reason: "Funding withdrawn." }) },
  ],
  "commissions#acceptCommission": [{ allowed: ["expert"], setup: async () => onRow("Commission", await fixtures.commission("ISSUED")) }],
  "commissions#declineCommission": [
    {
      allowed: ["expert"],
      setup: async () => onRow("Commission", await fixtures.commission("ISSUED"), { reason: "No capacity this year." }),
    },
  ],

  // Specification drafting: the owning expert group; staff only for a pilot phase 1 resource.
  "credentials/[id]#saveSpecification": [
    {
      on: "a commissioned credential",
      allowed: ["expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT")).version, SPEC_FIELDS),
    },
    {
      on: "a pilot phase 1 credential",
      allowed: ["staff", "expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT", "PILOT_PHASE_1")).version, SPEC_FIELDS),
    },
  ],
  "credentials/[id]#autosaveSpecification": [
    {
      on: "a commissioned credential",
      allowed: ["expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT")).version, SPEC_FIELDS),
    },
    {
      on: "a pilot phase 1 credential",
      allowed: ["staff", "expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT", "PILOT_PHASE_1")).version, SPEC_FIELDS),
    },
  ],
  "credentials/[id]#submitSpecification": [
    {
      on: "a commissioned credential",
      allowed: ["expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT")).version),
    },
    {
      on: "a pilot phase 1 credential",
      allowed: ["staff", "expert"],
      setup: async () => onRow("SpecificationVersion", (await fixtures.version("DRAFT", "PILOT_PHASE_1")).version),
    },
  ],
  // Capability mapping: the same rule as writing the specification, through its edit transition.
  "credentials/[id]#saveOutcomeCapabilities": [
    {
      on: "a commissioned credential",
      allowed: ["expert"],
      setup: async () => {
        const { version } = await fixtures.version("DRAFT");
        const outcome = await testDb().learningOutcome.findFirstOrThrow({ where: { specificationVersionId: version.id } });
        return onRow("SpecificationVersion", version, { outcomeId: outcome.id, "capabilities.outcome1.CLINICAL_PRACTICE": "mpf-2017-1-4" });
      },
    },
    {
      on: "a pilot phase 1 credential",
      allowed: ["staff", "expert"],
      setup: async () => {
        const { version } = await fixtures.version("DRAFT", "PILOT_PHASE_1");
        const outcome = await testDb().learningOutcome.findFirstOrThrow({ where: { specificationVersionId: version.id } });
        return onRow("SpecificationVersion", version, { outcomeId: outcome.id, "capabilities.outcome1.CLINICAL_PRACTICE": "mpf-2017-1-4" });
      },
    },
  ],
  "credentials/[id]#saveUncoveredCapabilities": [
    {
      allowed: ["expert"],
      setup: async () =>
        onRow("SpecificationVersion", (await fixtures.version("DRAFT")).version, {
          "uncovered.0.capabilityId": "mpf-2017-1-1",
          "uncovered.0.disposition": "OUT_OF_SCOPE",
        }),
    },
  ],
  "credentials/[id]#recallSpecification": [
    { allowed: ["expert"], setup: async () => onRow("SpecificationVersion", (await fixtures.version("SUBMITTED")).version) },
  ],
  "credentials/[id]#startNewVersion": [
    {
      on: "a commissioned credential",
      allowed: ["expert"],
      setup: async () => ({
        ...onRow("SpecificationVersion", (await fixtures.version("CHANGES_REQUESTED")).version),
        state: () => countOf("SpecificationVersion"),
      }),
    },
    {
      on: "a pilot phase 1 credential",
      allowed: ["staff", "expert"],
      setup: async () => ({
        ...onRow("SpecificationVersion", (await fixtures.version("CHANGES_REQUESTED", "PILOT_PHASE_1")).version),
        state: () => countOf("SpecificationVersion"),
      }),
    },
  ],
  // Comments: whoever may read the version under review — staff, its expert group, its assigned reviewers.
  "credentials/[id]#addComment": [
    {
      allowed: ["staff", "expert", "reviewer"],
      setup: async () =>
        creates("Comment", {
          specificationVersionId: (await fixtures.version("IN_REVIEW")).version.id,
          section: "purposeAndScope",
          body: "Please say which settings are in scope.",
        }),
    },
  ],
  "credentials/[id]#resolveComment": [
    { allowed: ["staff", "expert", "reviewer"], setup: async () => onRow("Comment", await fixtures.comment("OPEN")) },
  ],
  "credentials/[id]#reopenComment": [
    { allowed: ["staff", "expert", "reviewer"], setup: async () => onRow("Comment", await fixtures.comment("RESOLVED")) },
  ],
  "credentials/[id]#startPeriodicReview": [{ allowed: STAFF, setup: async () => onRow("Credential", await fixtures.credential()) }],

  // Endorsement review: staff run it; only the assigned reviewer assesses.
  "credentials/[id]/review#assignReviewers": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("SpecificationVersion", (await fixtures.version("SUBMITTED")).version, {
          reviewerIds: [w.reviewer.id, w.panelReviewer],
          dueOn: futureDate(30),
        }),
    },
  ],
  "credentials/[id]/review#withdrawReviewer": [
    { allowed: STAFF, setup: async () => onRow("ReviewerAssignment", await fixtures.assignment(), { reason: "Unavailable." }) },
  ],
  "credentials/[id]/review#saveAssessment": [
    {
      on: "a submitted assessment",
      allowed: ["reviewer"],
      setup: async () => onRow("ReviewerAssignment", await fixtures.assignment(), assessment()),
    },
    {
      on: "a draft assessment",
      allowed: ["reviewer"],
      setup: async () => onRow("ReviewerAssignment", await fixtures.assignment(), { ...assessment(), intent: "draft" }),
    },
  ],
  "credentials/[id]/review#decideEndorsement": [
    {
      allowed: STAFF,
      setup: async () => {
        const { version } = await credentialWithVersion(w.group, { status: "IN_REVIEW" });
        await testDb().endorsementReview.create({
          data: {
            specificationVersionId: version.id,
            criteriaSetId: w.endorsementCriteriaSetId,
            assignments: {
              create: [w.reviewer.id, w.panelReviewer].map((reviewerId) => ({
                reviewerId,
                status: "SUBMITTED",
                recommendation: "ENDORSE",
              })),
            },
          },
        });
        return onRow("SpecificationVersion", version, { decision: "ENDORSE", rationale: "Both reviewers found every criterion met." });
      },
    },
  ],
  "credentials/[id]/review#lodgeAppeal": [
    {
      allowed: ["expert"],
      setup: async () =>
        onRow("EndorsementReview", (await fixtures.declined()).review, { grounds: "The reviewers assessed an older version." }),
    },
  ],
  "credentials/[id]/review#decideAppeal": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("EndorsementAppeal", (await fixtures.declined(true)).appeal!, { outcome: "dismiss", reason: "No irregularity found." }),
    },
  ],
  "credentials/[id]/review#markConditionMet": [
    {
      allowed: STAFF,
      setup: async () => onRow("EndorsementCondition", await fixtures.condition("OPEN"), { note: "Template added to the specification." }),
    },
  ],
  "credentials/[id]/review#setConditionDueDate": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("EndorsementCondition", await fixtures.condition("OPEN"), {
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        }),
    },
  ],
  "credentials/[id]/review#reopenCondition": [
    {
      allowed: STAFF,
      setup: async () => onRow("EndorsementCondition", await fixtures.condition("MET"), { reason: "The template was removed again." }),
    },
  ],
  "credentials/[id]/review#publishCredential": [{ allowed: STAFF, setup: async () => onRow("Credential", await fixtures.credential()) }],
  "credentials#registerPilotCredential": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("Credential", {
          title: "Frailty in the community",
          summary: "An existing resource.",
          organisationId: w.group,
          phase: "PILOT_PHASE_2",
        }),
    },
  ],

  // Delivery plans: any education provider may start one for an endorsed credential; then only its own provider
  // edits and submits it, and the Centre decides.
  "delivery-plans#startPlan": [
    {
      allowed: ["provider", "otherProvider"],
      setup: async () =>
        creates("DeliveryPlan", { credentialId: (await fixtures.credential()).id, programmeTitle: "PG Cert Acute Medicine" }),
    },
  ],
  "delivery-plans#savePlan": [
    {
      allowed: ["provider"],
      setup: async () => {
        const c = await fixtures.credential();
        const p = await completePlan(c, w.providerOrg, "DRAFT");
        return onRow("DeliveryPlan", p, {
          ...PLAN_DETAILS,
          "mappings.0.learningOutcomeId": c.outcomeIds[0],
          "mappings.0.module": "M2",
          "mappings.0.assessment": "Portfolio",
        });
      },
    },
  ],
  "delivery-plans#submitPlan": [{ allowed: ["provider"], setup: async () => onRow("DeliveryPlan", await fixtures.plan("DRAFT")) }],
  "delivery-plans#startReview": [{ allowed: STAFF, setup: async () => onRow("DeliveryPlan", await fixtures.plan("SUBMITTED")) }],
  "delivery-plans#decidePlan": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("DeliveryPlan", await fixtures.plan("IN_REVIEW"), {
          decision: "approve",
          rationale: "Every outcome is mapped and assessed.",
        }),
    },
  ],
  "delivery-plans#suspendPlan": [
    {
      allowed: STAFF,
      setup: async () => onRow("DeliveryPlan", await fixtures.plan("APPROVED"), { reason: "Supervision is not in place." }),
    },
  ],
  "delivery-plans#reinstatePlan": [{ allowed: STAFF, setup: async () => onRow("DeliveryPlan", await fixtures.plan("SUSPENDED")) }],
  "delivery-plans#closePlan": [
    {
      allowed: ["staff", "provider"],
      setup: async () => onRow("DeliveryPlan", await fixtures.plan("APPROVED"), { reason: "The programme has ended." }),
    },
  ],
  "delivery-plans#commentOnPlan": [
    {
      allowed: ["staff", "provider"],
      setup: async () => {
        const p = await fixtures.plan("SUBMITTED");
        return {
          form: formOf({ id: p.id, comment: "Please confirm the supervisor ratio." }),
          state: () => testDb().auditEvent.count({ where: { entityId: p.id } }),
        };
      },
    },
  ],
  "delivery-plans#openAnnualReturn": [
    { allowed: STAFF, setup: async () => creates("AnnualReturn", { id: (await fixtures.plan("APPROVED")).id }) },
  ],

  // Change notifications: the provider reports and answers on its own approved plan; the Centre triages.
  "delivery-plans/changes#reportChange": [
    {
      allowed: ["provider"],
      setup: async () =>
        creates("PlanChange", {
          planId: (await fixtures.plan("APPROVED")).id,
          category: "DATES",
          whatChanged: "Starts in January.",
          why: "Late validation.",
        }),
    },
  ],
  "delivery-plans/changes#triageChange": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("PlanChange", await fixtures.planChange("REPORTED"), { outcome: "approve", reason: "Still assesses outcome 3." }),
    },
  ],
  "delivery-plans/changes#answerChange": [
    {
      allowed: ["provider"],
      setup: async () => onRow("PlanChange", await fixtures.planChange("MORE_INFORMATION_REQUESTED"), { answer: "All partner trusts." }),
    },
  ],

  // Re-mapping to a new specification version: the provider maps its own plan's task; the Centre decides.
  "delivery-plans/remapping#saveRemappingAction": [
    {
      allowed: ["provider"],
      setup: async () => {
        const { task, outcomeId } = await fixtures.remappingTask("OPEN");
        return onRow("RemappingTask", task, {
          intent: "submit",
          "mappings.0.learningOutcomeId": outcomeId,
          "mappings.0.module": "M1",
          "mappings.0.assessment": "OSCE",
        });
      },
    },
  ],
  "delivery-plans/remapping#approveRemappingAction": [
    { allowed: STAFF, setup: async () => onRow("RemappingTask", (await fixtures.remappingTask("SUBMITTED")).task) },
  ],
  "delivery-plans/remapping#returnRemappingAction": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("RemappingTask", (await fixtures.remappingTask("SUBMITTED")).task, { reason: "Outcome 1 needs an assessment." }),
    },
  ],

  // Risk-based monitoring: the Centre rates, overrides and places plans under enhanced monitoring; the provider reports.
  "delivery-plans/monitoring#ratePlan": [
    {
      allowed: STAFF,
      setup: async () => {
        await fixtures.riskRules();
        return creates("PlanRisk", { planId: (await fixtures.plan("APPROVED")).id });
      },
    },
  ],
  "delivery-plans/monitoring#overrideRisk": [
    { allowed: STAFF, setup: async () => onRow("PlanRisk", await fixtures.planRisk("RATED"), { level: "HIGH", reason: "Lead left." }) },
  ],
  "delivery-plans/monitoring#clearRiskOverride": [
    { allowed: STAFF, setup: async () => onRow("PlanRisk", await fixtures.planRisk("OVERRIDDEN")) },
  ],
  "delivery-plans/monitoring#placeUnderEnhancedMonitoring": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("EnhancedMonitoring", { planId: (await fixtures.plan("APPROVED")).id, reason: "Two cohorts lost supervisors." }),
    },
  ],
  "delivery-plans/monitoring#liftEnhancedMonitoring": [
    {
      allowed: STAFF,
      setup: async () => onRow("EnhancedMonitoring", (await fixtures.monitoringReport("OPEN")).spell, { reason: "Supervision restored." }),
    },
  ],
  "delivery-plans/monitoring-reports#submitMonitoringReport": [
    {
      allowed: ["provider"],
      setup: async () =>
        onRow("MonitoringReport", (await fixtures.monitoringReport("OPEN")).report, { narrative: "Supervisors replaced." }),
    },
  ],
  "delivery-plans/monitoring-reports#acceptMonitoringReport": [
    { allowed: STAFF, setup: async () => onRow("MonitoringReport", (await fixtures.monitoringReport("SUBMITTED")).report) },
  ],
  "delivery-plans/monitoring-reports#queryMonitoringReport": [
    {
      allowed: STAFF,
      setup: async () => onRow("MonitoringReport", (await fixtures.monitoringReport("SUBMITTED")).report, { reason: "How many learners?" }),
    },
  ],

  // Recognition of completion: the delivering provider records; the Centre recognises or revokes.
  "completions#recordCompletion": [
    {
      allowed: ["provider"],
      setup: async () =>
        creates("Completion", {
          planId: (await fixtures.plan("APPROVED")).id,
          practitionerName: "Amara Okafor",
          registration: "12A3456E",
          professionId: (await make.profession("Nursing", "NMC")).id,
          completedOn: "2026-07-15",
        }),
    },
  ],
  "completions#changeDirectoryListing": [
    {
      allowed: ["staff", "provider"],
      setup: async () => {
        const practitioner = await make.practitioner(w.providerOrg);
        return onRow("Practitioner", practitioner, { completionId: "any-completion", listedInDirectory: "yes" });
      },
    },
  ],
  "completions#recogniseCompletion": [{ allowed: STAFF, setup: async () => onRow("Completion", await fixtures.completion()) }],
  "completions#revokeCompletion": [
    {
      allowed: STAFF,
      setup: async () => onRow("Completion", await fixtures.completion(), { reason: "Recorded against the wrong practitioner." }),
    },
  ],

  // Gateway proposals: an expert group or education provider proposes and submits its own; the Centre assesses and decides.
  // Endorsement panels: Centre staff only.
  "panels#scheduleMeeting": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("PanelMeeting", {
          title: "Endorsement panel, spring",
          meetsOn: futureDate(7),
          memberIds: [w.staff.id, w.reviewer.id],
          chairId: w.staff.id,
          quorum: 2,
        }),
    },
  ],
  "panels#addToAgenda": [
    {
      allowed: STAFF,
      setup: async () => onRow("PanelMeeting", await fixtures.meeting(), { reviewId: (await fixtures.readyReview()).review.id }),
    },
  ],
  "panels#withdrawFromAgenda": [
    {
      allowed: STAFF,
      setup: async () => {
        const m = await fixtures.meeting({ item: "awaiting" });
        return onRow("PanelAgendaItem", m.items[0], { reason: "The expert group asked for more time." });
      },
    },
  ],
  "panels#recordAttendance": [
    { allowed: STAFF, setup: async () => onRow("PanelMeeting", await fixtures.meeting(), { attendedIds: [w.staff.id] }) },
  ],
  "panels#recordRecommendation": [
    {
      allowed: STAFF,
      setup: async () => {
        const m = await fixtures.meeting({ item: "awaiting", attended: true });
        return onRow("PanelAgendaItem", m.items[0], { recommendation: "ENDORSE", note: "Every criterion met." });
      },
    },
  ],
  "panels#recordMinutes": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("PanelMeeting", await fixtures.meeting({ item: "recommended", attended: true }), { minutes: "The panel met." }),
    },
  ],
  "panels#closeMeeting": [{ allowed: STAFF, setup: async () => onRow("PanelMeeting", await fixtures.meeting({ status: "HELD" })) }],
  "panels#cancelMeeting": [
    { allowed: STAFF, setup: async () => onRow("PanelMeeting", await fixtures.meeting(), { reason: "Chair unwell." }) },
  ],
  "proposals#createProposal": [
    {
      allowed: ["expert", "provider", "otherExpert", "otherProvider"],
      setup: async () =>
        creates("GatewayProposal", {
          title: "Frailty in the community",
          needSummary: "An ageing population.",
          ...Object.fromEntries(
            w.gatewayCriteria.flatMap((id, i) => [
              [`evidence.${i}.criterionId`, id],
              [`evidence.${i}.text`, "Evidence."],
            ]),
          ),
        }),
    },
  ],
  "proposals#editProposal": [
    {
      allowed: ["provider"],
      setup: async () => onRow("GatewayProposal", await fixtures.proposal("DRAFT"), { title: "Frailty (revised)", needSummary: "Need." }),
    },
  ],
  "proposals#submitProposal": [{ allowed: ["provider"], setup: async () => onRow("GatewayProposal", await fixtures.proposal("DRAFT")) }],
  "proposals#assessProposal": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("GatewayProposal", await fixtures.proposal("SUBMITTED"), {
          feedback: "A clear case.",
          ...Object.fromEntries(
            w.gatewayCriteria.flatMap((id, i) => [
              [`criteria.${i}.criterionId`, id],
              [`criteria.${i}.verdict`, "MET"],
            ]),
          ),
        }),
    },
  ],
  "proposals#requestMoreInformation": [
    {
      allowed: STAFF,
      setup: async () => onRow("GatewayProposal", await fixtures.proposal("UNDER_ASSESSMENT"), { reason: "Say how many practitioners." }),
    },
  ],
  "proposals#declineProposal": [
    {
      allowed: STAFF,
      setup: async () => onRow("GatewayProposal", await fixtures.proposal("UNDER_ASSESSMENT"), { reason: "Not at scale." }),
    },
  ],
  "proposals#acceptProposal": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("GatewayProposal", await fixtures.proposal("UNDER_ASSESSMENT"), {
          roundId: (await make.round("OPEN")).id,
          title: "Frailty",
          workforceNeed: "Need",
          populationNeed: "Older people",
          longTermPlanLink: "Ageing well",
          professions: "Nursing",
        }),
    },
  ],

  // Impact: the delivering provider reports; the Centre accepts, queries and evaluates.
  "impact#createImpactReturn": [
    {
      allowed: ["provider"],
      setup: async () => creates("ImpactReturn", { planId: (await fixtures.plan("APPROVED")).id, ...(await impactFigures()) }),
    },
  ],
  "impact#editImpactReturn": [
    { allowed: ["provider"], setup: async () => onRow("ImpactReturn", await fixtures.impactReturn("DRAFT"), await impactFigures()) },
  ],
  "impact#submitImpactReturn": [{ allowed: ["provider"], setup: async () => onRow("ImpactReturn", await fixtures.impactReturn("DRAFT")) }],
  "impact#queryImpactReturn": [
    {
      allowed: STAFF,
      setup: async () => onRow("ImpactReturn", await fixtures.impactReturn("SUBMITTED"), { reason: "Withdrawn figure looks high." }),
    },
  ],
  "impact#acceptImpactReturn": [{ allowed: STAFF, setup: async () => onRow("ImpactReturn", await fixtures.impactReturn("SUBMITTED")) }],
  "impact#recordEvaluation": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("Evaluation", {
          credentialId: (await fixtures.credential()).id,
          period: "2025/26",
          conclusion: "Deployment is rising.",
          recommendations: "Keep funding.",
        }),
    },
  ],

  // E-mail choices are the signed-in person's own: everyone may save theirs, nobody anyone else's (the form names no one).
  "account/notifications#savePreferences": [
    {
      allowed: CELLS.filter((c): c is Person => c !== "anonymous"),
      setup: async () =>
        creates("NotificationPreference", {
          ASSIGNMENTS: "DIGEST",
          SUBMISSIONS: "EMAIL",
          DECISIONS: "EMAIL",
          REMINDERS: "OFF",
          COMMENTS: "EMAIL",
        }),
    },
  ],

  // Failed e-mails: admins only.
  "admin/emails#tryAgain": [
    {
      allowed: [],
      setup: async () => {
        const mail = await testDb().emailOutbox.create({
          data: {
            to: "gone@test.example",
            subject: "Review assigned",
            body: "",
            status: "FAILED",
            attempts: 5,
            lastError: "550 No such user",
          },
        });
        return { form: formOf({ id: mail.id, attempts: 5 }), state: () => rowOf("EmailOutbox", mail.id) };
      },
    },
  ],

  // A notification is its recipient's: anyone else marking it read changes nothing (the call is a no-op).
  "notifications#markRead": [
    {
      allowed: ["provider"],
      refusal: { noOp: true },
      setup: async () => {
        const n = await testDb().notification.create({ data: { userId: w.provider.id, title: "Annual return open" } });
        return { form: formOf({ id: n.id }), state: () => rowOf("Notification", n.id) };
      },
    },
  ],

  // Periodic review: Centre staff only.
  "periodic-reviews#recordCheck": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("PeriodicReview", await fixtures.periodicReview(false), {
          kind: "CHANGING_NEEDS",
          finding: "Demand is unchanged.",
          changeNeeded: "no",
        }),
    },
  ],
  "periodic-reviews#conclude": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("PeriodicReview", await fixtures.periodicReview(true), { outcome: "REAFFIRMED", rationale: "Still current." }),
    },
  ],

  // Process feedback: staff, and reviewers about credentials they review. The unassigned reviewer's choice of
  // credential is refused as a field error, as the form would show it.
  "pilot-learning#recordProcessFeedback": [
    {
      allowed: ["staff", "reviewer"],
      refusal: { codes: [...AUTHZ_CODES, "INVALID_INPUT"] },
      setup: async () =>
        creates("ProcessFeedback", {
          stage: "ENDORSEMENT_REVIEW",
          credentialId: (await fixtures.version("IN_REVIEW")).credential.id,
          rating: 4,
          comment: "The criteria guidance was clear.",
        }),
    },
  ],

  // Quality: the provider returns and responds; the Centre schedules and decides; assigned reviewers review.
  "quality-reviews#submitAnnualReturn": [
    {
      allowed: ["provider"],
      setup: async () =>
        onRow("AnnualReturn", await annualReturn((await fixtures.plan("APPROVED")).id, "OPEN"), {
          cohorts: "24 enrolled, 20 continuing",
          changesToDelivery: "None",
          staffing: "Unchanged",
          concerns: "None",
        }),
    },
  ],
  "quality-reviews#queryAnnualReturn": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("AnnualReturn", await annualReturn((await fixtures.plan("APPROVED")).id, "SUBMITTED"), { reason: "Say how many withdrew." }),
    },
  ],
  "quality-reviews#acceptAnnualReturn": [
    { allowed: STAFF, setup: async () => onRow("AnnualReturn", await annualReturn((await fixtures.plan("APPROVED")).id, "SUBMITTED")) },
  ],
  "quality-reviews#scheduleQualityReview": [
    {
      allowed: STAFF,
      setup: async () =>
        creates("QualityReview", { planId: (await fixtures.plan("APPROVED")).id, scheduledOn: futureDate(60), reviewerIds: w.reviewer.id }),
    },
  ],
  "quality-reviews#startQualityReview": [
    { allowed: ["staff", "reviewer"], setup: async () => onRow("QualityReview", (await fixtures.qualityReview("PLANNED")).review) },
  ],
  "quality-reviews#reportQualityReview": [
    { allowed: ["reviewer"], setup: async () => onRow("QualityReview", (await fixtures.qualityReview("IN_PROGRESS", true)).review) },
  ],
  "quality-reviews#closeQualityReview": [
    {
      allowed: STAFF,
      setup: async () =>
        onRow("QualityReview", (await fixtures.qualityReview("REPORTED", true)).review, { outcome: "MEETS_STANDARDS", summary: "Good." }),
    },
  ],
  "quality-reviews#suspendPlanAfterReview": [
    {
      allowed: STAFF,
      setup: async () => {
        const { plan, review } = await fixtures.qualityReview("CLOSED", true);
        await testDb().qualityReview.update({ where: { id: review.id }, data: { outcome: "DOES_NOT_MEET" } });
        return {
          form: formOf({ id: review.id, version: plan.version, reason: "Supervision is not in place." }),
          state: () => rowOf("DeliveryPlan", plan.id),
        };
      },
    },
  ],
  "quality-reviews#recordFinding": [
    {
      allowed: ["staff", "reviewer"],
      setup: async () =>
        creates("Finding", {
          id: (await fixtures.qualityReview("IN_PROGRESS")).review.id,
          area: "SUPERVISION",
          rating: "SATISFACTORY",
          evidence: "Supervision logs seen.",
        }),
    },
  ],
  "quality-reviews#raiseQualityAction": [
    {
      allowed: ["staff", "reviewer"],
      setup: async () => {
        const { review, finding } = await fixtures.qualityReview("IN_PROGRESS", true);
        return creates("QualityAction", {
          findingId: finding!.id,
          reviewId: review.id,
          description: "Audit supervision logs termly.",
          dueOn: futureDate(60),
        });
      },
    },
  ],
  "quality-reviews#respondToQualityAction": [
    {
      allowed: ["provider"],
      setup: async () => {
        const a = await fixtures.qualityAction("OPEN");
        return onRow("QualityAction", a, { response: "Audit scheduled for January.", reviewId: a.qualityReviewId });
      },
    },
  ],
  "quality-reviews#closeQualityAction": [
    {
      allowed: ["staff", "reviewer"],
      setup: async () => {
        const a = await fixtures.qualityAction("RESPONDED");
        return onRow("QualityAction", a, { reviewId: a.qualityReviewId });
      },
    },
  ],
  "quality-reviews#reopenQualityAction": [
    {
      allowed: ["staff", "reviewer"],
      setup: async () => {
        const a = await fixtures.qualityAction("RESPONDED");
        return onRow("QualityAction", a, { reason: "The audit did not cover placements.", reviewId: a.qualityReviewId });
      },
    },
  ],
  // Organisations and people are managed by Centre admins only. No caller here is an admin ("staff" is Centre staff
  // without admin rights), so every call is refused; tests/integration/accounts.test.ts covers what admins may do.
  // The appeal window and bank holidays are Centre admins' too: every call here is refused, and nothing changes;
  // tests/integration/appeal-windows.test.ts covers what admins may do.
  "admin/appeal-windows#publishAppealWindow": [
    {
      allowed: [],
      setup: async () => creates("AppealWindow", { workingDays: 15, source: "Appeals procedure", effectiveFrom: futureDate(1) }),
    },
  ],
  "admin/appeal-windows#addBankHoliday": [
    { allowed: [], setup: async () => creates("BankHoliday", { date: futureDate(30), name: "Extra bank holiday" }) },
  ],
  "admin/appeal-windows#removeBankHoliday": [
    {
      allowed: [],
      setup: async () => {
        const holiday = await testDb().bankHoliday.create({ data: { date: new Date(futureDate(40)), name: "Extra bank holiday" } });
        return { form: formOf({ id: holiday.id, reason: "Entered on the wrong date." }), state: () => rowOf("BankHoliday", holiday.id) };
      },
    },
  ],
  "admin/organisations#createOrganisation": [
    { allowed: [], setup: async () => creates("Organisation", { name: `Body ${unique()}`, kind: "OTHER" }) },
  ],
  "admin/organisations#renameOrganisation": [
    {
      allowed: [],
      setup: async () => {
        const org = await make.organisation("OTHER");
        return {
          form: formOf({ id: org.id, seenAt: org.updatedAt.toISOString(), name: `Renamed ${unique()}` }),
          state: () => rowOf("Organisation", org.id),
        };
      },
    },
  ],
  "admin/framework#updateCoreCapability": [
    {
      allowed: [],
      setup: async () => {
        const capability = await testDb().coreCapability.findUniqueOrThrow({ where: { id: "mpf-2025-2-1" } });
        return onRow("CoreCapability", capability, { summary: `Reworded ${unique()}` });
      },
    },
  ],
  "admin/people#invitePerson": [
    {
      allowed: [],
      setup: async () =>
        creates("User", {
          email: `invited-${unique()}@provider.example`,
          name: "Invited Person",
          role: "PROVIDER",
          organisationId: w.providerOrg,
          isAdmin: "no",
        }),
    },
  ],
  "admin/people#resendInvitation": [
    {
      allowed: [],
      setup: async () => {
        const u = await testDb().user.create({
          data: { email: `invited-${unique()}@provider.example`, name: "Invited", role: "PROVIDER", organisationId: w.providerOrg },
        });
        return { form: formOf({ id: u.id }), state: () => testDb().accountToken.findMany({ where: { userId: u.id } }) };
      },
    },
  ],
  "admin/people#changePerson": [
    {
      allowed: [],
      setup: async () => onPerson("PROVIDER", true, { role: "REVIEWER", organisationId: w.providerOrg, isAdmin: "no" }),
    },
  ],
  "admin/people#changeReviewerExpertise": [
    {
      allowed: [],
      setup: async () => {
        const u = await make.actor("REVIEWER", w.providerOrg);
        const row = await testDb().user.findUniqueOrThrow({ where: { id: u.id } });
        return {
          form: formOf({ id: u.id, seenAt: row.updatedAt.toISOString(), expertise: "ACADEMIC" }),
          state: () => rowOf("User", u.id),
        };
      },
    },
  ],
  // Criteria sets are Centre admins' too: every call here is refused, and nothing changes.
  "admin/risk-rules#publishRiskRuleSet": [
    {
      allowed: [],
      setup: async () =>
        creates("RiskRuleSet", {
          basedOn: (await testDb().riskRuleSet.count()) > 0 ? 1 : 0,
          effectiveFrom: futureDate(1),
          source: "The Centre's decision.",
          withdrawalMediumPercent: 15,
          withdrawalHighPercent: 25,
          satisfactionBelowPercent: 75,
          requiresImprovementLevel: "MEDIUM",
          doesNotMeetLevel: "HIGH",
          overdueReturnLevel: "MEDIUM",
          reviewMonthsLow: 24,
          reviewMonthsMedium: 12,
          reviewMonthsHigh: 6,
        }),
    },
  ],
  "admin/criteria#draftCriteriaSet": [{ allowed: [], setup: async () => creates("CriteriaSet", { kind: "GATEWAY" }) }],
  "admin/criteria#changeCriteriaSetDetails": [{ allowed: [], setup: async () => onDraftSet({ name: "Renamed", source: "Elsewhere" }) }],
  "admin/criteria#addCriterion": [
    {
      allowed: [],
      setup: async () => {
        const target = await onDraftSet({ number: "9", title: "New", description: "New", sortOrder: "9" });
        return { ...target, state: async () => `${await target.state()} ${await countOf("Criterion")}` };
      },
    },
  ],
  "admin/criteria#changeCriterion": [
    {
      allowed: [],
      setup: async () => {
        const set = await criteriaSet("GATEWAY", { status: "DRAFT", effectiveFrom: null });
        const c = set.criteria[0];
        return {
          form: formOf({
            id: set.id,
            version: set.version,
            criterionId: c.id,
            number: "1",
            title: "Changed",
            description: "Changed",
            sortOrder: "1",
          }),
          state: () => rowOf("Criterion", c.id),
        };
      },
    },
  ],
  "admin/criteria#removeCriterion": [
    {
      allowed: [],
      setup: async () => {
        const set = await criteriaSet("GATEWAY", { status: "DRAFT", effectiveFrom: null });
        return { form: formOf({ id: set.id, version: set.version, criterionId: set.criteria[0].id }), state: () => countOf("Criterion") };
      },
    },
  ],
  "admin/criteria#publishCriteriaSet": [{ allowed: [], setup: async () => onDraftSet({ effectiveFrom: futureDate(1) }) }],
  "admin/people#deactivatePerson": [{ allowed: [], setup: async () => onPerson("PROVIDER", true, { reason: "Left the organisation" }) }],
  "admin/professions#createProfession": [
    { allowed: [], setup: async () => creates("Profession", { name: `Profession ${unique()}`, regulator: "HCPC" }) },
  ],
  "admin/professions#renameProfession": [
    {
      allowed: [],
      setup: async () => {
        const p = await make.profession(`Profession ${unique()}`);
        return { form: formOf({ id: p.id, version: p.version, name: `Renamed ${unique()}` }), state: () => rowOf("Profession", p.id) };
      },
    },
  ],
  "admin/professions#retireProfession": [
    {
      allowed: [],
      setup: async () => {
        const p = await make.profession(`Profession ${unique()}`);
        return { form: formOf({ id: p.id, version: p.version, retire: "yes" }), state: () => rowOf("Profession", p.id) };
      },
    },
  ],
  "admin/people#reactivatePerson": [{ allowed: [], setup: async () => onPerson("PROVIDER", false) }],
};

/** A complete assessment of every active endorsement criterion. */
function assessment(): Fields {
  return {
    overallComment: "A sound specification.",
    recommendation: "ENDORSE",
    ...Object.fromEntries(
      w.endorsementCriteria.flatMap((id, i) => [
        [`ratings.${i}.criterionId`, id],
        [`ratings.${i}.rating`, "MET"],
        [`ratings.${i}.comment`, "Clearly evidenced."],
      ]),
    ),
  };
}

/** Signing in and out need no session; they have their own rows. */
const SESSION_ACTIONS: Record<string, () => Promise<string[]>> = {
  // Checking a signed badge is open to anyone and changes nothing.
  "badges/verify#verifyBadge": async () => {
    const failures: string[] = [];
    for (const cell of CELLS) {
      session.user = cell === "anonymous" ? null : w[cell];
      const before = await countOf("AuditEvent");
      const outcome = (await call(ACTION.get("badges/verify#verifyBadge")!, formOf({ jwt: "not a badge" }))) as { state?: string };
      if (outcome.state !== "unreadable" || (await countOf("AuditEvent")) !== before) {
        failures.push(`badges/verify#verifyBadge as ${cell}: expected a verdict and nothing written, got ${show(outcome as Outcome)}`);
      }
    }
    return failures;
  },
  "sign-in#signIn": async () => {
    const failures: string[] = [];
    const password = "correct horse battery staple";
    const email = `signin-${unique()}@provider.example`;
    const user = await testDb().user.create({
      data: { email, name: "Helen", role: "PROVIDER", organisationId: w.providerOrg, passwordHash: await hashPassword(password) },
    });
    // An off-site callback must never be followed; whether the sign-in then goes to the dashboard or the form is
    // refused as invalid is the form's business.
    const cases: [string, Fields, "signed in to /delivery-plans" | "refused" | "kept on this site"][] = [
      ["anonymous, right password", { email, password, callbackUrl: "/delivery-plans" }, "signed in to /delivery-plans"],
      ["anonymous, wrong password", { email, password: "not the password" }, "refused"],
      // Browsers read a backslash as a slash and drop tabs, so these leave the site just as "//host" does.
      ["anonymous, callback to another site", { email, password, callbackUrl: "//evil.example/x" }, "kept on this site"],
      ["anonymous, callback to another site with a backslash", { email, password, callbackUrl: "/\\evil.example/x" }, "kept on this site"],
      ["anonymous, callback to another site with a tab", { email, password, callbackUrl: "/\t/evil.example/x" }, "kept on this site"],
    ];
    for (const [cell, fields, expected] of cases) {
      session.user = null;
      session.started = [];
      const outcome = await call(ACTION.get("sign-in#signIn")!, formOf(fields));
      const signedIn = outcome.ok && session.started.includes(user.id);
      const met =
        expected === "refused"
          ? !outcome.ok && session.started.length === 0
          : expected === "kept on this site"
            ? outcome.redirectedTo === undefined || outcome.redirectedTo === "/dashboard"
            : signedIn && outcome.redirectedTo === "/delivery-plans";
      if (!met) failures.push(`sign-in#signIn as ${cell}: expected ${expected}, got ${show(outcome)}`);
    }
    return failures;
  },
  "account#signOutEverywhere": async () => {
    const failures: string[] = [];
    for (const cell of CELLS) {
      const user = cell === "anonymous" ? null : w[cell];
      session.user = user;
      const owner = user?.id ?? w.staff.id;
      await createSession(owner);
      const outcome = await call(ACTION.get("account#signOutEverywhere")!, new FormData());
      const left = await testDb().session.count({ where: { userId: owner } });
      const met = user
        ? outcome.redirectedTo === "/sign-in?signedOut=everywhere" && left === 0
        : !outcome.ok && outcome.code === "UNAUTHENTICATED" && left === 1;
      if (!met)
        failures.push(
          `account#signOutEverywhere as ${cell}: expected ${user ? "every session ended" : "refused"}, got ${show(outcome)} with ${left} session left`,
        );
    }
    await testDb().session.deleteMany();
    return failures;
  },
  "account#changePassword": async () => {
    const failures: string[] = [];
    const current = "correct horse battery staple";
    const next = "plum orchard kettle lantern";
    await testDb().user.update({ where: { id: w.provider.id }, data: { passwordHash: await hashPassword(current) } });
    const cases: [Cell, string, "changed" | "refused"][] = [
      ["anonymous", current, "refused"],
      ["staff", current, "refused"],
      ["provider", current, "changed"],
    ];
    for (const [cell, currentPassword, expected] of cases) {
      session.user = cell === "anonymous" ? null : w[cell];
      const before = await rowOf("User", w.provider.id);
      const outcome = await call(ACTION.get("account#changePassword")!, formOf({ currentPassword, password: next, confirmPassword: next }));
      const changed = (await rowOf("User", w.provider.id)) !== before;
      const met = expected === "changed" ? changed && outcome.redirectedTo === "/account?done=password" : !outcome.ok && !changed;
      if (!met) failures.push(`account#changePassword as ${cell}: expected ${expected}, got ${show(outcome)}`);
    }
    return failures;
  },
  "forgot-password#requestReset": async () => {
    const failures: string[] = [];
    session.user = null;
    for (const email of [w.provider.email, `nobody-${unique()}@nowhere.example`]) {
      const before = await countOf("EmailOutbox");
      const outcome = await call(ACTION.get("forgot-password#requestReset")!, formOf({ email }));
      const sent = (await countOf("EmailOutbox")) - before;
      if (outcome.redirectedTo !== "/forgot-password?sent=1" || sent !== (email === w.provider.email ? 1 : 0)) {
        failures.push(
          `forgot-password#requestReset for ${email}: expected the same confirmation and an e-mail only to an account, got ${show(outcome)} and ${sent} e-mails`,
        );
      }
    }
    return failures;
  },
  "invitations#acceptInvitation": () => linkAction("invitations#acceptInvitation", "INVITATION", "/invitations"),
  "invitations#resetPassword": () => linkAction("invitations#resetPassword", "PASSWORD_RESET", "/reset-password"),
  "sign-in#signOut": async () => {
    const failures: string[] = [];
    for (const cell of CELLS) {
      session.user = cell === "anonymous" ? null : w[cell];
      const before = session.ended;
      const outcome = await call(ACTION.get("sign-in#signOut")!, new FormData());
      if (!outcome.redirectedTo?.startsWith("/sign-in") || session.ended !== before + 1) {
        failures.push(`sign-in#signOut as ${cell}: expected the session ended and a redirect to sign in, got ${show(outcome)}`);
      }
    }
    return failures;
  },
};

/**
 * An e-mailed link needs no session: its token is the authority. The first use signs its person in; the same
 * token again is sent to the link's page (which says it was used) and signs nobody in.
 */
async function linkAction(key: string, purpose: "INVITATION" | "PASSWORD_RESET", path: string): Promise<string[]> {
  const failures: string[] = [];
  const user = await testDb().user.create({
    data: { email: `link-${unique()}@provider.example`, name: "Linked", role: "PROVIDER", organisationId: w.providerOrg },
  });
  const token = await issueAccountToken(testDb(), user.id, purpose);
  const password = "plum orchard kettle lantern";
  for (const attempt of ["first", "again"] as const) {
    session.user = null;
    session.started = [];
    const outcome = await call(ACTION.get(key)!, formOf({ token, name: "Linked Person", password, confirmPassword: password }));
    const met =
      attempt === "first"
        ? outcome.redirectedTo === "/dashboard" && session.started.includes(user.id)
        : outcome.redirectedTo === `${path}/${token}` && session.started.length === 0;
    if (!met) failures.push(`${key}, ${attempt} use of the link: got ${show(outcome)}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------------------------
// The harness

const ACTION = new Map(ACTIONS.map((a) => [a.key, a.fn]));

type Outcome = { ok: boolean; code?: string; message?: string; redirectedTo?: string; data?: unknown };

/** Calls the action as Next would: a redirect is success; an AppError comes back as a result. */
async function call(fn: ActionFn, form: FormData): Promise<Outcome> {
  try {
    const result = (await fn(null, form)) as Outcome | undefined;
    return result ?? { ok: true };
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { ok: true, redirectedTo: digest.split(";")[2] };
    return { ok: false, code: "THREW", message: err instanceof Error ? err.message : String(err) };
  }
}

const show = (o: Outcome) => (o.ok ? `success${o.redirectedTo ? ` (to ${o.redirectedTo})` : ""}` : `${o.code}: ${o.message}`);

/** Everything a refused call must not add to: the audit trail, notifications and the e-mail outbox. */
const trail = async () =>
  JSON.stringify(
    await testDb().$queryRaw`
    SELECT (SELECT COUNT(*) FROM "AuditEvent") AS audit, (SELECT COUNT(*) FROM "Notification") AS notifications,
           (SELECT COUNT(*) FROM "EmailOutbox") AS emails`,
    (_k, v) => (typeof v === "bigint" ? Number(v) : v),
  );

const snapshot = async (target: Target) => {
  const [state, written] = await Promise.all([target.state(), trail()]);
  return { state: JSON.stringify(state), written };
};

async function runScenario(key: string, fn: ActionFn, s: Scenario): Promise<string[]> {
  const failures: string[] = [];
  const label = (cell: Cell) => `${key}${s.on ? ` on ${s.on}` : ""} as ${cell}`;
  const isAllowed = (cell: Cell) => cell !== "anonymous" && s.allowed.includes(cell);
  // Each allowed call gets its own record; refused calls change nothing, so they share one.
  const [shared, ...fresh] = await Promise.all([s.setup(), ...CELLS.filter(isAllowed).map(() => s.setup())]);
  let previous: { target: Target; after: Awaited<ReturnType<typeof snapshot>> } | undefined;
  for (const cell of CELLS) {
    const allowed = isAllowed(cell);
    const target = allowed ? fresh.shift()! : shared;
    session.user = cell === "anonymous" ? null : w[cell];
    // Straight after a call on the same record nothing else has run, so its "after" is this call's "before".
    const before = previous?.target === target ? previous.after : await snapshot(target);
    const outcome = await call(fn, target.form);
    const after = await snapshot(target);
    previous = { target, after };
    const changed = after.state !== before.state;
    if (allowed) {
      if (!outcome.ok) failures.push(`${label(cell)}: expected allowed, but it was refused (${show(outcome)})`);
      else if (!changed) failures.push(`${label(cell)}: expected allowed, and it succeeded without changing the record`);
      continue;
    }
    const codes: readonly string[] = cell === "anonymous" ? ["UNAUTHENTICATED"] : (s.refusal?.codes ?? AUTHZ_CODES);
    const refusedOk = outcome.ok ? s.refusal?.noOp === true : codes.includes(outcome.code ?? "");
    if (!refusedOk)
      failures.push(`${label(cell)}: expected refused (${s.refusal?.noOp ? "a no-op or " : ""}${codes.join("/")}), got ${show(outcome)}`);
    if (changed) failures.push(`${label(cell)}: a refused call changed the record`);
    if (after.written !== before.written) failures.push(`${label(cell)}: a refused call wrote audit events, notifications or e-mails`);
  }
  return failures;
}

describe("authorization matrix of the server actions", () => {
  it("finds the server actions on disk, and every row of the matrix names one of them", () => {
    expect(ACTIONS.length).toBeGreaterThan(50);
    const stale = [...Object.keys(MATRIX), ...Object.keys(SESSION_ACTIONS)].filter((k) => !ACTION.has(k));
    expect(stale, "rows for actions that no longer exist").toEqual([]);
  });

  for (const { key, fn } of ACTIONS) {
    it(`${key} is allowed and refused as its row says`, async () => {
      const special = SESSION_ACTIONS[key];
      const scenarios = MATRIX[key];
      if (!special && !scenarios) throw new Error(`action ${key} has no row in the authorization matrix`);
      const failures = special ? await special() : [];
      for (const s of scenarios ?? []) failures.push(...(await runScenario(key, fn, s)));
      expect(failures, `\n${failures.join("\n")}\n`).toEqual([]);
    }, 60_000);
  }
});
