import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { commentCounts, commentThreads } from "@/lib/data/comments";
import { listCommissions } from "@/lib/data/commissions";
import { listCompletions, plansOpenForCompletions } from "@/lib/data/completions";
import { listCredentials } from "@/lib/data/credentials";
import { activity } from "@/lib/data/activity";
import { toDoList } from "@/lib/data/to-do";
import { organisationCredentials, organisationPlans, reviewerAssignments, workItems } from "@/lib/data/dashboard";
import { credentialsOpenForPlans, getDeliveryPlan, listDeliveryPlans } from "@/lib/data/delivery-plans";
import { historyOf } from "@/lib/data/history";
import { listImpactReturns } from "@/lib/data/impact";
import { impactByCredentialPage, impactFigures } from "@/lib/data/impact-figures";
import { reportingPlans } from "@/lib/data/impact-returns";
import { listNotifications } from "@/lib/data/notifications";
import { listPeriodicReviews } from "@/lib/data/periodic-reviews";
import { feedbackCredentials, listProcessFeedback } from "@/lib/data/pilot-learning";
import { listOrganisations } from "@/lib/data/organisations";
import { listPeople } from "@/lib/data/people";
import { getPriority, listPriorities, listRounds } from "@/lib/data/priorities";
import { getQualityReview, schedulingOptions } from "@/lib/data/quality";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality-lists";
import { credentialOverview } from "@/lib/data/specification-reads";
import { CHOICE_LIMIT, LIST_PAGE_SIZE } from "@/lib/data/paging";
import { resetDb, testDb } from "../support/db";
import { actor, organisation } from "../support/factory";
import { countQueries, installCountingClient } from "../support/query-count";

// Outside a Next server there is no data cache: the impact figures and directory pages, cached in the app, are read
// straight through, so each read here sends its statements.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));

// The work a signed-in page does is bounded by what one screen shows, whatever the size of the data: every list,
// dashboard, table inside a record page and choice (a select or checkboxes) read below is measured with a little
// data and again with a lot (rows inserted in bulk), and must send the same number of queries and return no array
// longer than one page.

/** The longest page any list or choice shows. */
const MAX_ROWS = Math.max(LIST_PAGE_SIZE, CHOICE_LIMIT);
const SMALL = 20;
const LARGE = 1_000;

type Cast = Awaited<ReturnType<typeof makeCast>>;
let c: Cast;

async function makeCast() {
  const centre = await organisation("CENTRE");
  const group = await organisation("EXPERT_GROUP");
  const provider = await organisation("EDUCATION_PROVIDER");
  const staff = await actor("CENTRE_STAFF", centre.id);
  await testDb().user.update({ where: { id: staff.id }, data: { isAdmin: true } });
  const expert = await actor("EXPERT", group.id);
  const providerUser = await actor("PROVIDER", provider.id);
  const reviewer = await actor("REVIEWER", null);
  const round = await testDb().priorityRound.create({ data: { name: `Round ${randomUUID()}`, status: "OPEN" } });
  // One plan that gathers a growing number of annual returns, history and its own impact returns.
  const [credential] = await addCredentials(group.id, 1);
  const plan = await testDb().deliveryPlan.create({
    data: {
      credentialId: credential.id,
      specificationVersionId: credential.versionId,
      organisationId: provider.id,
      status: "APPROVED",
      programmeTitle: "The long-running programme",
    },
  });
  // Records whose pages hold tables that grow: a review's findings and one finding's actions, a version's comment
  // threads and one thread's replies, a credential's versions, a priority's commissions.
  const review = await testDb().qualityReview.create({
    data: { planId: plan.id, scheduledOn: new Date("2026-05-01"), createdById: staff.id, status: "IN_PROGRESS" },
  });
  const finding = await testDb().finding.create({
    data: { qualityReviewId: review.id, area: "SUPERVISION", rating: "INADEQUATE", evidence: "Evidence", createdById: reviewer.id },
  });
  const thread = await testDb().comment.create({
    data: { specificationVersionId: credential.versionId, section: "learningOutcomes", authorId: staff.id, body: "First" },
  });
  const priority = await testDb().priority.create({
    data: {
      roundId: round.id,
      title: "A priority commissioned again and again",
      workforceNeed: "Need",
      populationNeed: "Population",
      longTermPlanLink: "LTP",
      professions: ["Nursing"],
      rank: 0,
      status: "PUBLISHED",
    },
  });
  return {
    staff,
    expert,
    provider: providerUser,
    reviewer,
    groupId: group.id,
    providerOrgId: provider.id,
    roundId: round.id,
    plan,
    credential,
    review,
    finding,
    thread,
    priority,
  };
}

let sequence = 0;
/** Rows added so far: numbers made from it (years, ranks, version numbers) never repeat. */
let grown = 0;
const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

async function addCredentials(groupId: string, n: number) {
  const credentialIds = ids(n);
  const versionIds = ids(n);
  const numbers = credentialIds.map(() => ++sequence);
  const references = credentialIds.map((id, i) => `APC-B${numbers[i]}-${id.slice(0, 6)}`);
  await testDb().credential.createMany({
    data: credentialIds.map((id, i) => ({
      id,
      reference: references[i],
      title: `Credential ${numbers[i]}`,
      ownerOrganisationId: groupId,
      origin: "COMMISSIONED",
      status: "ENDORSED",
    })),
  });
  await testDb().specificationVersion.createMany({
    data: credentialIds.map((credentialId, i) => ({ id: versionIds[i], credentialId, number: 1, status: "ENDORSED" })),
  });
  // Endorsed for delivery, so providers may start plans against them.
  await testDb()
    .$executeRaw`UPDATE "Credential" c SET "endorsedVersionId" = v.id FROM "SpecificationVersion" v WHERE v."credentialId" = c.id AND v.id = ANY(${versionIds}::text[])`;
  return credentialIds.map((id, i) => ({ id, versionId: versionIds[i], reference: references[i] }));
}

/** `n` more of everything the lists show, for the cast's organisations and users, in a few bulk inserts. */
async function grow(n: number) {
  const db = testDb();
  const credentials = await addCredentials(c.groupId, n);
  const planIds = ids(n);
  await db.deliveryPlan.createMany({
    data: credentials.map((cr, i) => ({
      id: planIds[i],
      credentialId: cr.id,
      specificationVersionId: cr.versionId,
      organisationId: c.providerOrgId,
      status: "APPROVED",
      programmeTitle: `Programme ${sequence}-${i}`,
    })),
  });
  const base = grown;
  grown += n;
  await db.annualReturn.createMany({
    data: planIds.map((planId) => ({ planId, year: 2025, dueOn: new Date("2026-03-31"), status: "SUBMITTED" })),
  });
  await db.annualReturn.createMany({
    data: Array.from({ length: n }, (_, i) => ({ planId: c.plan.id, year: base + i, dueOn: new Date("2026-03-31") })),
  });
  await db.impactReturn.createMany({
    data: planIds.map((planId, i) => ({
      planId,
      organisationId: c.providerOrgId,
      credentialId: credentials[i].id,
      credentialReference: credentials[i].reference,
      period: "2025/26",
      enrolled: 10,
      completed: 8,
      withdrawn: 1,
      deployed: 6,
      status: "ACCEPTED",
    })),
  });
  const reviewIds = ids(n);
  await db.qualityReview.createMany({
    data: planIds.map((planId, i) => ({ id: reviewIds[i], planId, scheduledOn: new Date("2026-05-01"), createdById: c.staff.id })),
  });
  await db.qualityReviewer.createMany({ data: reviewIds.map((qualityReviewId) => ({ qualityReviewId, reviewerId: c.reviewer.id })) });
  const findingIds = ids(n);
  await db.finding.createMany({
    data: reviewIds.map((qualityReviewId, i) => ({
      id: findingIds[i],
      qualityReviewId,
      area: "SUPERVISION",
      rating: "REQUIRES_IMPROVEMENT",
      evidence: "Evidence",
      createdById: c.reviewer.id,
    })),
  });
  await db.qualityAction.createMany({
    data: findingIds.map((findingId, i) => ({
      findingId,
      qualityReviewId: reviewIds[i],
      organisationId: c.providerOrgId,
      description: "Improve supervision",
      dueOn: new Date("2020-01-01"),
    })),
  });
  const practitionerIds = ids(n);
  await db.practitioner.createMany({
    data: practitionerIds.map((id, i) => ({
      id,
      name: `Practitioner ${i}`,
      organisationId: c.providerOrgId,
      registrationNumber: `R${base + i}`,
    })),
  });
  await db.completion.createMany({
    data: planIds.map((planId, i) => ({
      planId,
      organisationId: c.providerOrgId,
      practitionerId: practitionerIds[i],
      credentialId: credentials[i].id,
      practitionerName: `Practitioner ${i}`,
      registration: `R${base + i}`,
      profession: "Nursing",
      completedOn: new Date("2026-01-01"),
    })),
  });
  await db.periodicReview.createMany({ data: credentials.map((cr) => ({ credentialId: cr.id, dueAt: new Date("2029-01-01") })) });
  const priorityIds = ids(n);
  await db.priority.createMany({
    data: priorityIds.map((id, i) => ({
      id,
      roundId: c.roundId,
      title: `Priority ${base + i}`,
      workforceNeed: "Need",
      populationNeed: "Population",
      longTermPlanLink: "LTP",
      professions: ["Nursing"],
      rank: base + i,
      status: "PUBLISHED",
    })),
  });
  await db.priorityRound.createMany({ data: Array.from({ length: n }, () => ({ name: `Round ${randomUUID()}` })) });
  await db.commission.createMany({
    data: priorityIds.map((priorityId) => ({
      priorityId,
      organisationId: c.groupId,
      createdById: c.staff.id,
      status: "ISSUED",
      title: "Commission",
      brief: "Brief",
      deliverables: "Specification",
      startsOn: new Date("2026-01-01"),
      dueOn: new Date("2026-06-30"),
    })),
  });
  await db.notification.createMany({ data: Array.from({ length: n }, (_, i) => ({ userId: c.provider.id, title: `Notice ${i}` })) });
  await db.organisation.createMany({
    data: Array.from({ length: n }, () => ({ name: `Organisation ${randomUUID()}`, kind: "EDUCATION_PROVIDER" as const })),
  });
  await db.user.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      email: `person-${randomUUID()}@test.example`,
      name: `Person ${base + i}`,
      role: "PROVIDER" as const,
      organisationId: c.providerOrgId,
      passwordHash: i % 2 ? null : "not-used",
    })),
  });
  await db.user.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      email: `reviewer-${base + i}-${randomUUID()}@test.example`,
      name: `Reviewer ${randomUUID()}`,
      passwordHash: "not-used",
      role: "REVIEWER" as const,
    })),
  });
  await db.processFeedback.createMany({
    data: Array.from({ length: n }, () => ({ authorId: c.reviewer.id, stage: "GATEWAY", body: "Feedback" })),
  });
  await db.finding.createMany({
    data: Array.from({ length: n }, () => ({
      qualityReviewId: c.review.id,
      area: "LEARNER_SUPPORT",
      rating: "GOOD",
      evidence: "Evidence",
      createdById: c.reviewer.id,
    })),
  });
  await db.qualityAction.createMany({
    data: Array.from({ length: n }, () => ({
      findingId: c.finding.id,
      qualityReviewId: c.review.id,
      organisationId: c.providerOrgId,
      description: "Act",
      dueOn: new Date("2027-01-01"),
    })),
  });
  const comment = { specificationVersionId: c.credential.versionId, section: "learningOutcomes", authorId: c.staff.id, body: "Comment" };
  await db.comment.createMany({ data: Array.from({ length: n }, () => comment) });
  await db.comment.createMany({ data: Array.from({ length: n }, () => ({ ...comment, parentId: c.thread.id })) });
  await db.specificationVersion.createMany({
    data: Array.from({ length: n }, (_, i) => ({ credentialId: c.credential.id, number: base + i + 2, status: "SUPERSEDED" as const })),
  });
  await db.commission.createMany({
    data: Array.from({ length: n }, () => ({
      priorityId: c.priority.id,
      organisationId: c.groupId,
      createdById: c.staff.id,
      status: "ISSUED" as const,
      title: "Again",
      brief: "Brief",
      deliverables: "Specification",
      startsOn: new Date("2026-01-01"),
      dueOn: new Date("2026-06-30"),
    })),
  });
  await db.auditEvent.createMany({
    data: Array.from({ length: n }, () => ({
      entityType: "DeliveryPlan",
      entityId: c.plan.id,
      action: "edit",
      fromState: "APPROVED",
      toState: "APPROVED",
      actorId: c.provider.id,
      actorRole: "PROVIDER",
    })),
  });
}

/** Every list and dashboard read of a signed-in page, by the page and role that makes it. */
const reads = (): Record<string, () => Promise<unknown>> => ({
  "dashboard work queue, staff": () => workItems(c.staff),
  "dashboard work queue, expert": () => workItems(c.expert),
  "dashboard work queue, provider": () => workItems(c.provider),
  "dashboard work queue, reviewer": () => workItems(c.reviewer),
  "dashboard to do, staff": () => toDoList(c.staff),
  "dashboard to do, expert": () => toDoList(c.expert),
  "dashboard to do, provider": () => toDoList(c.provider),
  "dashboard to do, reviewer": () => toDoList(c.reviewer),
  "dashboard recent activity, staff": () => activity(c.staff, {}, 5),
  "all activity, staff": () => activity(c.staff),
  "activity on one kind of record, staff": () => activity(c.staff, { type: "DeliveryPlan" }),
  "dashboard credentials, expert": () => organisationCredentials(c.expert),
  "dashboard delivery plans, provider": () => organisationPlans(c.provider),
  "dashboard assignments, reviewer": () => reviewerAssignments(c.reviewer),
  "priorities, staff": () => listPriorities(c.staff),
  "priorities, expert": () => listPriorities(c.expert),
  "priorities of a round": () => listPriorities(c.staff, { round: c.roundId }),
  "priority rounds": () => listRounds(),
  "commissions, staff": () => listCommissions(c.staff),
  "commissions, expert": () => listCommissions(c.expert, { status: "ISSUED" }),
  "credentials, staff": () => listCredentials(c.staff, {}),
  "credentials, expert": () => listCredentials(c.expert, {}),
  "delivery plans, provider": () => listDeliveryPlans(c.provider, {}),
  "delivery plans, staff, last page": () => listDeliveryPlans(c.staff, { page: "9999999999" }),
  "delivery plan page with its annual returns": () => getDeliveryPlan(c.provider, c.plan.id),
  "annual returns of one plan": () => listAnnualReturns(c.staff, { plan: c.plan.id }),
  "annual returns, provider": () => listAnnualReturns(c.provider, {}),
  "quality reviews, reviewer": () => listQualityReviews(c.reviewer, { assigned: "me" }),
  "quality actions, provider, overdue": () => listQualityActions(c.provider, { actions: "overdue" }),
  "periodic reviews, staff": () => listPeriodicReviews(c.staff, {}),
  "impact returns, provider": () => listImpactReturns(c.provider, {}),
  "impact: deliveries to start a return for, provider": () => reportingPlans(c.provider),
  "impact figures, staff": () => impactFigures(c.staff),
  "impact portfolio by credential, staff": () => impactByCredentialPage(c.staff),
  "impact figures of one credential, provider": () => impactFigures(c.provider, { credentialId: c.credential.id }),
  "completions, provider": () => listCompletions(c.provider, {}),
  "notifications, provider": () => listNotifications(c.provider.id),
  "process feedback, staff": () => listProcessFeedback(c.staff),
  "people, admin": () => listPeople(c.staff),
  "people invited, admin, last page": () => listPeople(c.staff, { status: "INVITED", page: "9999999999" }),
  "organisations, admin": () => listOrganisations(c.staff),
  "history of a plan": () => historyOf(c.staff, [c.plan.id]),
  "history of a plan, provider": () => historyOf(c.provider, [c.plan.id]),
  "quality review page with its findings and their actions": () => getQualityReview(c.staff, c.review.id),
  "quality review page, a later page of findings": () => getQualityReview(c.staff, c.review.id, "2"),
  "specification version page's comment threads and replies": () => commentThreads(c.staff, c.credential.versionId),
  "specification version page's comment counts": () => commentCounts(c.staff, c.credential.versionId),
  "credential page with its versions": () => credentialOverview(c.staff, c.credential.id),
  "priority page with its commissions": () => getPriority(c.staff, c.priority.id),
  "new delivery plan: the credentials to choose from": () => credentialsOpenForPlans(c.provider),
  "new completion: the delivery plans to choose from": () => plansOpenForCompletions(c.provider),
  "schedule a quality review: the deliveries to choose from": () => schedulingOptions(c.staff),
  "schedule a quality review: the reviewers to choose from": () => schedulingOptions(c.staff, { planId: c.plan.id }),
  "pilot learning: the credentials feedback may be about": () => feedbackCredentials(c.staff),
});

/** The longest array anywhere in a read's result: a list page, or a table inside a record. */
function longestArray(value: unknown, seen = new Set<unknown>()): number {
  if (value === null || typeof value !== "object" || seen.has(value)) return 0;
  seen.add(value);
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  const own = Array.isArray(value) ? value.length : 0;
  return Math.max(own, ...children.map((child) => longestArray(child, seen)));
}

async function measure() {
  const out: Record<string, { queries: number; longest: number }> = {};
  for (const [name, read] of Object.entries(reads())) {
    let result: unknown;
    const queries = await countQueries(async () => {
      result = await read();
    });
    out[name] = { queries, longest: longestArray(result) };
  }
  return out;
}

beforeAll(async () => {
  installCountingClient();
  await resetDb();
  c = await makeCast();
}, 60_000);

describe("signed-in pages do work bounded by one screen", () => {
  it(`every list and dashboard read sends the same queries and returns at most one page, for ${SMALL} and ${SMALL + LARGE} rows`, async () => {
    await grow(SMALL);
    const small = await measure();
    await grow(LARGE);
    const large = await measure();
    for (const name of Object.keys(small)) {
      expect({ name, queries: large[name].queries }).toEqual({ name, queries: small[name].queries });
      expect({ name, longest: large[name].longest }).toEqual({ name, longest: Math.min(large[name].longest, MAX_ROWS) });
      expect(small[name].queries, name).toBeGreaterThan(0);
    }
  }, 180_000);

  it("a choice with more options than it offers narrows them by what the person searched for", async () => {
    await grow(CHOICE_LIMIT + 5);
    const all = await feedbackCredentials(c.staff);
    expect(all.options).toHaveLength(CHOICE_LIMIT);
    expect(all.total).toBeGreaterThan(CHOICE_LIMIT);
    const wanted = await testDb().credential.findFirstOrThrow({
      where: { reference: { startsWith: "APC-B" } },
      orderBy: { reference: "desc" },
    });
    const found = await credentialsOpenForPlans(c.provider, wanted.reference.toLowerCase());
    expect(found.options.map((o) => o.id)).toEqual([wanted.id]);
    expect(found.total).toBe(1);
    const reviewer = await testDb().user.findFirstOrThrow({
      where: { role: "REVIEWER", name: { startsWith: "Reviewer " } },
      orderBy: { name: "desc" },
    });
    const { reviewers } = await schedulingOptions(c.staff, { planId: c.plan.id, reviewers: reviewer.name });
    expect(reviewers.options.map((r) => r.id)).toEqual([reviewer.id]);
  }, 120_000);
});
