import { beforeEach, describe, expect, it } from "vitest";
import {
  acceptProposal,
  assessProposal,
  createProposal,
  declineProposal,
  editProposal,
  getProposal,
  listProposals,
  requestMoreInformation,
  submitProposal,
} from "@/lib/data/proposals";
import { toDoList } from "@/lib/data/to-do";
import { criteriaSet } from "../support/criteria";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;
let criteria: { id: string; number: string }[];

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
  criteria = (await criteriaSet("GATEWAY")).ratable;
});

const evidence = (count = criteria.length) => criteria.slice(0, count).map((k) => ({ criterionId: k.id, text: `Evidence ${k.number}` }));
const draft = (count?: number) =>
  createProposal(c.provider, { title: "Frailty in the community", needSummary: "An ageing population.", evidence: evidence(count) });
const verdicts = (verdict: string, count = criteria.length) =>
  criteria.slice(0, count).map((k) => ({ criterionId: k.id, verdict, comment: `Comment ${k.number}` }));
const priorityFields = {
  title: "Frailty",
  workforceNeed: "Need",
  populationNeed: "Older people",
  longTermPlanLink: "Ageing well",
  professions: "Nursing",
};
const versionOf = async (id: string) => (await testDb().gatewayProposal.findUniqueOrThrow({ where: { id } })).version;

/** A submitted proposal that staff have assessed in full, ready for a decision. */
async function assessed() {
  const p = await draft();
  await submitProposal(c.provider, { id: p.id, version: 1 });
  await assessProposal(c.staff, { id: p.id, version: 2, feedback: "A clear case.", criteria: verdicts("MET") });
  return p;
}

describe("gateway proposals", () => {
  it("another organisation's member gets not found, in the list and on the proposal; staff see every proposal", async () => {
    const p = await draft();
    const otherProvider = await make.actor("PROVIDER", (await make.organisation("EDUCATION_PROVIDER")).id);
    expect(await getProposal(otherProvider, p.id)).toBeNull();
    expect((await listProposals(otherProvider)).total).toBe(0);
    expect((await refusal(submitProposal(otherProvider, { id: p.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await listProposals(c.provider)).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await listProposals(c.staff, { status: "DRAFT" })).rows.map((r) => r.id)).toEqual([p.id]);
    expect((await listProposals(c.staff, { status: "SUBMITTED" })).total).toBe(0);
  });

  it("submitting is refused until every gateway criterion has evidence, then goes through", async () => {
    const p = await draft(criteria.length - 1);
    const refused = await refusal(submitProposal(c.provider, { id: p.id, version: 1 }));
    expect(refused.code).toBe("GUARD_FAILED");
    expect(refused.message).toContain("there is 1 without evidence");
    expect((await testDb().gatewayProposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("DRAFT");
    await editProposal(c.provider, { id: p.id, version: 1, title: p.title, needSummary: p.needSummary, evidence: evidence() });
    await expect(submitProposal(c.provider, { id: p.id, version: 2 })).resolves.toMatchObject({ to: "SUBMITTED" });
  });

  it("a proposal is made against the gateway criteria set in effect and refuses evidence for a criterion outside it", async () => {
    const stray = (await criteriaSet("ENDORSEMENT")).ratable[0];
    const refused = await refusal(
      createProposal(c.provider, { title: "T", needSummary: "N", evidence: [...evidence(), { criterionId: stray!.id, text: "x" }] }),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(await testDb().gatewayProposal.count()).toBe(0);
  });

  it("a stale version is refused and changes nothing", async () => {
    const p = await draft();
    await editProposal(c.provider, { id: p.id, version: 1, title: "Renamed", needSummary: "N", evidence: [] });
    expect((await refusal(editProposal(c.provider, { id: p.id, version: 1, title: "Other", needSummary: "N", evidence: [] }))).code).toBe(
      "STALE_VERSION",
    );
    expect((await testDb().gatewayProposal.findUniqueOrThrow({ where: { id: p.id } })).title).toBe("Renamed");
  });

  it("staff cannot decide until every criterion is assessed; declining needs a reason and the proposer sees it", async () => {
    const p = await draft();
    await submitProposal(c.provider, { id: p.id, version: 1 });
    await assessProposal(c.staff, { id: p.id, version: 2, feedback: "", criteria: verdicts("NOT_MET", 2) });
    expect((await refusal(declineProposal(c.staff, { id: p.id, version: 3, reason: "Not at scale." }))).code).toBe("GUARD_FAILED");
    await assessProposal(c.staff, { id: p.id, version: 3, feedback: "Too narrow.", criteria: verdicts("NOT_MET") });
    expect((await refusal(declineProposal(c.staff, { id: p.id, version: 4, reason: " " }))).code).toBe("INVALID_INPUT");
    await expect(declineProposal(c.staff, { id: p.id, version: 4, reason: "Not at scale." })).resolves.toMatchObject({ to: "DECLINED" });
    const seen = await getProposal(c.provider, p.id);
    expect(seen).toMatchObject({ status: "DECLINED", declinedReason: "Not at scale.", feedback: "Too narrow." });
    expect(seen?.criteria.map((k) => k.answer?.verdict)).toEqual(criteria.map(() => "NOT_MET"));
  });

  it("asking for more information returns the proposal to the proposer, who can add evidence and resubmit", async () => {
    const p = await assessed();
    await requestMoreInformation(c.staff, { id: p.id, version: 3, reason: "Say how many practitioners." });
    expect(await getProposal(c.provider, p.id)).toMatchObject({
      status: "MORE_INFORMATION_REQUESTED",
      feedback: "Say how many practitioners.",
    });
    await editProposal(c.provider, { id: p.id, version: 4, title: p.title, needSummary: "About 2,000 a year.", evidence: evidence() });
    await expect(submitProposal(c.provider, { id: p.id, version: 5 })).resolves.toMatchObject({ to: "SUBMITTED" });
  });

  it("each step is on the to-do list of whoever must act next, and tells them by notification", async () => {
    const p = await draft();
    const tasks = async (actor: Parameters<typeof toDoList>[0]) =>
      (await toDoList(actor)).filter((t) => t.key === `proposal-${p.id}`).map((t) => t.task);
    const told = async (userId: string) =>
      (await testDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => n.title);
    expect(await tasks(c.provider)).toEqual(["Complete and submit the gateway proposal"]);
    expect(await tasks(c.staff)).toEqual([]);

    await submitProposal(c.provider, { id: p.id, version: 1 });
    expect(await tasks(c.staff)).toEqual(["Assess the gateway proposal"]);
    expect(await tasks(c.provider)).toEqual([]);
    expect(await told(c.staff.id)).toEqual([`Gateway proposal submitted: ${p.title}`]);

    await assessProposal(c.staff, { id: p.id, version: 2, feedback: "", criteria: verdicts("MORE_EVIDENCE_NEEDED") });
    await requestMoreInformation(c.staff, { id: p.id, version: 3, reason: "Say how many practitioners." });
    expect(await tasks(c.provider)).toEqual(["Give the information asked for and resubmit"]);
    expect(await told(c.provider.id)).toEqual([`More information asked for: ${p.title}`]);
    expect(await testDb().emailOutbox.count({ where: { subject: `More information asked for: ${p.title}` } })).toBe(1);

    await submitProposal(c.provider, { id: p.id, version: 4 });
    expect(await told(c.staff.id)).toContain(`Gateway proposal resubmitted: ${p.title}`);
    // Nobody is told of their own step.
    expect(await told(c.provider.id)).toHaveLength(1);
  });

  it("accepting creates a draft priority in the chosen open round, once, linked both ways and audited", async () => {
    const p = await assessed();
    const round = await make.round("OPEN");
    const result = await acceptProposal(c.staff, { id: p.id, version: 3, roundId: round.id, ...priorityFields });
    const priority = await testDb().priority.findUniqueOrThrow({ where: { id: result.priorityId }, include: { proposal: true } });
    expect(priority).toMatchObject({ roundId: round.id, status: "DRAFT", title: "Frailty", professions: ["Nursing"], rank: 1 });
    expect(priority.proposal?.id).toBe(p.id);
    expect(await getProposal(c.provider, p.id)).toMatchObject({ status: "ACCEPTED", priority: { id: priority.id, title: "Frailty" } });
    expect((await make.auditFor(priority.id)).map((e) => e.action)).toEqual(["create", "createFromProposal"]);
    expect((await refusal(acceptProposal(c.staff, { id: p.id, version: 4, roundId: round.id, ...priorityFields }))).code).toBe(
      "WRONG_STATE",
    );
    expect(await testDb().priority.count()).toBe(1);
  });

  it("accepting into a round that is not open is refused and writes nothing", async () => {
    const p = await assessed();
    const closed = await make.round("CLOSED");
    const refused = await refusal(acceptProposal(c.staff, { id: p.id, version: 3, roundId: closed.id, ...priorityFields }));
    expect(refused.fieldErrors?.roundId).toBeDefined();
    expect(await testDb().priority.count()).toBe(0);
    expect((await testDb().gatewayProposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("UNDER_ASSESSMENT");
    expect(await versionOf(p.id)).toBe(3);
  });

  it("a proposer cannot assess or accept, and staff cannot propose", async () => {
    const p = await draft();
    await submitProposal(c.provider, { id: p.id, version: 1 });
    expect((await refusal(assessProposal(c.provider, { id: p.id, version: 2, criteria: verdicts("MET") }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(createProposal(c.staff, { title: "T", needSummary: "N" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(createProposal(c.reviewer, { title: "T", needSummary: "N" }))).code).toBe("NOT_ALLOWED");
  });
});
