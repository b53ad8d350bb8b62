import { beforeEach, describe, expect, it } from "vitest";
import { decideAppeal, lodgeAppeal, appealViewFor } from "@/lib/data/appeals";
import { decideEndorsement } from "@/lib/data/endorsement-reviews";
import { meetingFor, panelPack } from "@/lib/data/panel-reads";
import { toDoList } from "@/lib/data/to-do";
import { formatDate } from "@/lib/format";
import { recordRecommendation, withdrawFromAgenda } from "@/lib/data/panel-agenda-items";
import { addToAgenda, cancelMeeting, recordAttendance, recordMinutes, scheduleMeeting } from "@/lib/data/panels";
import { testDb, resetDb } from "../support/db";
import * as make from "../support/factory";
import { endorsementCast, readyForDecision, type EndorsementCast } from "../support/endorsement";
import { oneOfTwoWins, refusal } from "../support/refusal";

// Endorsement panels (schedule, agenda, attendance and quorum, recommendations, minutes), the decision that follows the
// panel, and appeals against a decline within the Centre's appeal window.

let e: EndorsementCast;
let members: { id: string }[];
beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
  members = [e.staff, await make.actor("CENTRE_STAFF", null), e.reviewerA];
});

const today = () => {
  const d = new Date();
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
};
const versionOf = async (id: string) => (await testDb().panelMeeting.findUniqueOrThrow({ where: { id } })).version;
const itemRow = (id: string) => testDb().panelAgendaItem.findUniqueOrThrow({ where: { id } });
const reviewOf = (versionId: string) => testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: versionId } });

function schedule(over: Record<string, unknown> = {}) {
  return scheduleMeeting(e.staff, {
    title: "Endorsement panel, December",
    meetsOn: today(),
    memberIds: members.map((m) => m.id),
    chairId: members[0].id,
    quorum: "2",
    ...over,
  });
}

/** A meeting with one reviewed specification on its agenda. */
async function meetingWithItem() {
  const { credential, version } = await readyForDecision(e);
  const meeting = await schedule();
  const review = await reviewOf(version.id);
  await addToAgenda(e.staff, { id: meeting.id, version: meeting.version, reviewId: review.id });
  const item = await testDb().panelAgendaItem.findFirstOrThrow({ where: { meetingId: meeting.id } });
  return { meeting, credential, version, review, item };
}

async function quorateWith(meetingId: string, attended = members.slice(0, 2)) {
  await recordAttendance(e.staff, { id: meetingId, version: await versionOf(meetingId), attendedIds: attended.map((m) => m.id) });
}

const recommend = async (itemId: string, recommendation = "ENDORSE") =>
  recordRecommendation(e.staff, { id: itemId, version: (await itemRow(itemId)).version, recommendation, note: "Every criterion met." });

describe("endorsement panels", () => {
  it("refuses a quorum larger than the panel, or a chair who is not a member, by the field", async () => {
    const tooMany = await refusal(schedule({ quorum: "4" }));
    expect(tooMany.fieldErrors?.quorum).toEqual(["The quorum cannot be more than the number of members (3)"]);
    const chair = await refusal(schedule({ chairId: e.reviewerB.id }));
    expect(chair.fieldErrors?.chairId).toEqual(["Choose the chair from the panel's members"]);
    expect(await testDb().panelMeeting.count()).toBe(0);
  });

  it("only staff schedule a panel, and only staff can see one", async () => {
    expect(
      (
        await refusal(
          scheduleMeeting(e.expert, { title: "X", meetsOn: today(), memberIds: [e.staff.id], chairId: e.staff.id, quorum: "1" }),
        )
      ).code,
    ).toBe("NOT_ALLOWED");
    const meeting = await schedule();
    expect(await meetingFor(e.reviewerA, meeting.id)).toBeNull();
    expect(await panelPack(e.expert, meeting.id)).toBeNull();
    expect((await meetingFor(e.staff, meeting.id))?.members.find((m) => m.chair)?.userId).toBe(e.staff.id);
  });

  it("takes a specification off the agenda before the meeting, with a reason kept on the item, and it may go on again", async () => {
    const { meeting, review, item } = await meetingWithItem();
    const noReason = await refusal(withdrawFromAgenda(e.staff, { id: item.id, version: item.version, reason: " " }));
    expect(noReason.fieldErrors?.reason).toBeDefined();
    await withdrawFromAgenda(e.staff, { id: item.id, version: item.version, reason: "The expert group asked for more time." });
    expect(await itemRow(item.id)).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "The expert group asked for more time." });
    expect(await testDb().auditEvent.count({ where: { entityId: item.id, action: "withdraw", toState: "WITHDRAWN" } })).toBe(1);
    expect((await meetingFor(e.staff, meeting.id))?.context.itemCount).toBe(0);

    await addToAgenda(e.staff, { id: meeting.id, version: await versionOf(meeting.id), reviewId: review.id });
    expect(await testDb().panelAgendaItem.count({ where: { reviewId: review.id, status: "ON_AGENDA" } })).toBe(1);
  });

  it("of two meetings taking one specification onto their agendas at once, one wins and the other is told which meeting has it", async () => {
    const { version } = await readyForDecision(e);
    const review = await reviewOf(version.id);
    const [first, second] = [await schedule({ title: "Panel A" }), await schedule({ title: "Panel B" })];
    const results = await Promise.allSettled([
      addToAgenda(e.staff, { id: first.id, version: first.version, reviewId: review.id }),
      addToAgenda(e.staff, { id: second.id, version: second.version, reviewId: review.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as { code: string; fieldErrors?: Record<string, string[]> }] : [],
    );
    const items = await testDb().panelAgendaItem.findMany({ include: { meeting: true } });
    expect(items).toHaveLength(1);
    const [winner, loser] = items[0].meetingId === first.id ? [first, second] : [second, first];
    expect(lost[0].code).toBe("INVALID_INPUT");
    expect(lost[0].fieldErrors?.reviewId).toEqual([`This specification is already on the agenda of ${items[0].meeting.title}`]);
    // Nothing of the losing change is left: its meeting's version, its history and the expert group's notices.
    expect(await versionOf(loser.id)).toBe(loser.version);
    expect(await versionOf(winner.id)).toBe(winner.version + 1);
    expect(await testDb().auditEvent.count({ where: { entityId: loser.id, action: "addToAgenda" } })).toBe(0);
    const told = await testDb().notification.findMany({ where: { title: { startsWith: "On the endorsement panel's agenda" } } });
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told.map((n) => n.userId)).size).toBe(told.length);
  });

  it("an add that meets another meeting's uncommitted item waits for it, then names that meeting and writes nothing", async () => {
    const { version } = await readyForDecision(e);
    const review = await reviewOf(version.id);
    const [mine, theirs] = [await schedule({ title: "Panel A" }), await schedule({ title: "Panel B" })];
    let commit!: () => void;
    let inserted!: () => void;
    const wasInserted = new Promise<void>((resolve) => (inserted = resolve));
    const other = testDb().$transaction(
      async (tx) => {
        await tx.panelAgendaItem.create({ data: { meetingId: theirs.id, reviewId: review.id } });
        inserted();
        await new Promise<void>((resolve) => (commit = resolve));
      },
      { timeout: 20_000 },
    );
    await wasInserted;
    const adding = refusal(addToAgenda(e.staff, { id: mine.id, version: mine.version, reviewId: review.id }));
    // The add has passed its checks and waits on the database for the other item: only the index can refuse it now.
    expect(await Promise.race([adding.then(() => "finished"), new Promise((r) => setTimeout(() => r("waiting"), 1500))])).toBe("waiting");
    commit();
    await other;
    expect((await adding).fieldErrors?.reviewId).toEqual(["This specification is already on the agenda of Panel B"]);
    expect(await versionOf(mine.id)).toBe(mine.version);
    expect(await testDb().panelAgendaItem.count({ where: { meetingId: mine.id } })).toBe(0);
  });

  it("the database holds a specification to one active agenda item, while a withdrawn or decided one does not count", async () => {
    const { meeting, review, item } = await meetingWithItem();
    const other = await schedule({ title: "Panel B" });
    await expect(testDb().panelAgendaItem.create({ data: { meetingId: other.id, reviewId: review.id } })).rejects.toMatchObject({
      code: "P2002",
    });
    await testDb().panelAgendaItem.update({ where: { id: item.id }, data: { status: "WITHDRAWN" } });
    await testDb().panelAgendaItem.create({ data: { meetingId: other.id, reviewId: review.id } });
    const refused = await refusal(addToAgenda(e.staff, { id: meeting.id, version: await versionOf(meeting.id), reviewId: review.id }));
    expect(refused.fieldErrors?.reviewId).toEqual(["This specification is already on the agenda of Panel B"]);
  });

  it("cannot take an item off the agenda once attendance is recorded", async () => {
    const { meeting, item } = await meetingWithItem();
    await quorateWith(meeting.id);
    const refused = await refusal(withdrawFromAgenda(e.staff, { id: item.id, version: item.version, reason: "Not ready." }));
    expect(refused.message).toBe("The meeting has begun: its agenda is fixed once attendance is recorded.");
    expect((await itemRow(item.id)).status).toBe("ON_AGENDA");
  });

  it("refuses a recommendation when too few members attended, and records it once quorate", async () => {
    const { meeting, item } = await meetingWithItem();
    await quorateWith(meeting.id, members.slice(0, 1));
    const refused = await refusal(recommend(item.id));
    expect(refused.code).toBe("GUARD_FAILED");
    expect(refused.message).toBe("The panel is not quorate: 1 member attended and the quorum is 2, so no recommendation can be recorded.");
    expect((await itemRow(item.id)).recommendation).toBeNull();

    await quorateWith(meeting.id);
    await recommend(item.id, "REQUEST_CHANGES");
    expect(await itemRow(item.id)).toMatchObject({ status: "RECOMMENDED", recommendation: "REQUEST_CHANGES", version: 2 });
    await recordMinutes(e.staff, {
      id: meeting.id,
      version: await versionOf(meeting.id),
      minutes: "The panel met and recommended changes.",
    });
    expect((await testDb().panelMeeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("HELD");
  });

  it("of two recommendations on one item made at once, exactly one is recorded", async () => {
    const { meeting, item } = await meetingWithItem();
    await quorateWith(meeting.id);
    const { lost } = await oneOfTwoWins(
      recordRecommendation(e.staff, { id: item.id, version: item.version, recommendation: "ENDORSE", note: "Met." }),
      recordRecommendation(e.staff, { id: item.id, version: item.version, recommendation: "DECLINE", note: "Not met." }),
    );
    expect(lost.code).toBe("STALE_VERSION");
    expect(await testDb().auditEvent.count({ where: { entityId: item.id, action: "recommend" } })).toBe(1);
  });

  it("a recommendation moves the meeting's version on, so attendance changed at the same time is refused as stale", async () => {
    const { meeting, item } = await meetingWithItem();
    await quorateWith(meeting.id);
    const seen = await versionOf(meeting.id);
    await recommend(item.id);
    const late = await refusal(recordAttendance(e.staff, { id: meeting.id, version: seen, attendedIds: [members[0].id] }));
    expect(late.code).toBe("STALE_VERSION");
  });

  it("cannot cancel a meeting whose panel has recommended; a cancelled meeting tells its members why", async () => {
    const { meeting, item } = await meetingWithItem();
    await quorateWith(meeting.id);
    await recommend(item.id);
    expect(
      (await refusal(cancelMeeting(e.staff, { id: meeting.id, version: await versionOf(meeting.id), reason: "Chair unwell." }))).code,
    ).toBe("GUARD_FAILED");
    const other = await schedule({ title: "Spare panel" });
    await cancelMeeting(e.staff, { id: other.id, version: other.version, reason: "Chair unwell." });
    expect(
      await testDb().notification.count({ where: { userId: e.reviewerA.id, title: { startsWith: "Endorsement panel cancelled" } } }),
    ).toBe(1);
  });

  it("a cancelled meeting's items come off its agenda, so their specifications can go on another meeting's", async () => {
    const { meeting, item, review } = await meetingWithItem();
    await cancelMeeting(e.staff, { id: meeting.id, version: await versionOf(meeting.id), reason: "Chair unwell." });
    expect(await itemRow(item.id)).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "Chair unwell." });
    const next = await schedule({ title: "Rescheduled panel" });
    await addToAgenda(e.staff, { id: next.id, version: next.version, reviewId: review.id });
    expect(await testDb().panelAgendaItem.count({ where: { meetingId: next.id, status: "ON_AGENDA" } })).toBe(1);
  });

  it("the pack shows each reviewer's ratings and the specification's coverage", async () => {
    const { meeting } = await meetingWithItem();
    const pack = await panelPack(e.staff, meeting.id);
    expect(pack?.items).toHaveLength(1);
    expect(pack?.items[0].review.assignments.map((a) => a.reviewer.id).sort()).toEqual([e.reviewerA.id, e.reviewerB.id].sort());
    expect(pack?.items[0].criteria).toHaveLength(e.criteria.length);
    expect(pack?.items[0].matrix.outcomes).toHaveLength(1);
  });
});

describe("the decision follows the panel", () => {
  async function recommended(recommendation: string) {
    const m = await meetingWithItem();
    await quorateWith(m.meeting.id);
    await recommend(m.item.id, recommendation);
    return m;
  }
  const decide = (v: { id: string; version: number }, decision: string, departureReason = "") =>
    decideEndorsement(e.staff, {
      id: v.id,
      version: v.version,
      decision,
      rationale: "Decided on the assessments.",
      conditions: "",
      departureReason,
    });

  it("a decision that differs from the panel's recommendation needs a reason, kept with the decision and in history", async () => {
    const { version, item, review } = await recommended("ENDORSE");
    const refused = await refusal(decide(version, "REQUEST_CHANGES"));
    expect(refused.fieldErrors?.departureReason).toEqual([
      "Give the reason this decision differs from the panel's recommendation (Endorse)",
    ]);
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("IN_REVIEW");

    expect((await itemRow(item.id)).status).toBe("RECOMMENDED");

    await decide(version, "REQUEST_CHANGES", "The supervision section was found wanting after the panel.");
    expect(await itemRow(item.id)).toMatchObject({
      status: "DECIDED",
      departureReason: "The supervision section was found wanting after the panel.",
    });
    expect(
      await testDb().auditEvent.count({ where: { entityId: item.id, action: "decide", fromState: "RECOMMENDED", toState: "DECIDED" } }),
    ).toBe(1);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { entityId: review.id, action: "departFromPanelRecommendation" } });
    expect(event.reason).toMatch(/^The panel recommended Endorse; the Centre decided Request changes\./);
  });

  it("a decision made before the panel has recommended takes the specification off its meeting's agenda, saying why", async () => {
    const { meeting, version, item } = await meetingWithItem();
    const seen = await versionOf(meeting.id);
    await decide(version, "REQUEST_CHANGES");
    const after = await itemRow(item.id);
    expect(after).toMatchObject({ status: "WITHDRAWN", version: item.version + 1, recommendation: null });
    expect(after.withdrawnReason).toBe(`Decided by the Centre on ${formatDate(new Date())} without the panel's recommendation.`);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { entityId: item.id, action: "withdraw" } });
    expect(event).toMatchObject({ fromState: "ON_AGENDA", toState: "WITHDRAWN", actorId: e.staff.id, reason: after.withdrawnReason });
    expect(await versionOf(meeting.id)).toBe(seen + 1);
    expect((await meetingFor(e.staff, meeting.id))?.context.itemCount).toBe(0);
  });

  it("refuses a decision while the specification is on the agenda of a meeting under way, naming it, and writes nothing", async () => {
    const { meeting, version, item } = await meetingWithItem();
    await quorateWith(meeting.id);
    const events = await testDb().auditEvent.count();
    const refused = await refusal(decide(version, "REQUEST_CHANGES"));
    expect(refused.code).toBe("GUARD_FAILED");
    expect(refused.message).toBe(
      `This specification is on the agenda of Endorsement panel, December on ${formatDate(new Date())}, which is under way: record the panel's recommendation first.`,
    );
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("IN_REVIEW");
    expect((await reviewOf(version.id)).status).toBe("OPEN");
    expect(await itemRow(item.id)).toMatchObject({ status: "ON_AGENDA", version: item.version });
    expect(await testDb().auditEvent.count()).toBe(events);

    await recommend(item.id, "REQUEST_CHANGES");
    await decide(version, "REQUEST_CHANGES");
    expect((await itemRow(item.id)).status).toBe("DECIDED");
  });

  it("a decision that follows the panel, or one with no panel at all, needs no reason", async () => {
    const { version } = await recommended("REQUEST_CHANGES");
    await decide(version, "REQUEST_CHANGES");
    const { version: noPanel } = await readyForDecision(e);
    await decide(noPanel, "REQUEST_CHANGES");
    expect(await testDb().specificationVersion.count({ where: { status: "CHANGES_REQUESTED" } })).toBe(2);
  });
});

describe("appeals", () => {
  async function declined(workingDays = 10) {
    await testDb().appealWindow.create({ data: { workingDays, effectiveFrom: new Date("2020-01-01"), source: "Test window" } });
    const { credential, version } = await readyForDecision(e);
    await decideEndorsement(e.staff, {
      id: version.id,
      version: version.version,
      decision: "DECLINE",
      rationale: "Criterion 4.1 not met.",
      conditions: "",
    });
    return { credential, version, review: await reviewOf(version.id) };
  }
  const lodge = (review: { id: string; version: number }, actor = e.expert) =>
    lodgeAppeal(actor, {
      id: review.id,
      version: review.version,
      grounds: "The reviewers were sent an older version of our specification.",
    });

  it("the expert group appeals within the window; staff uphold it and the specification returns to review", async () => {
    const { credential, version, review } = await declined();
    expect((await refusal(lodge(review, e.otherExpert))).code).toBe("NOT_FOUND");
    const appeal = await lodge(review);
    expect((await refusal(lodge(await reviewOf(version.id)))).message).toBe("This decline has already been appealed.");
    const row = await testDb().endorsementAppeal.findUniqueOrThrow({ where: { id: appeal.id } });
    await decideAppeal(e.staff, { id: row.id, version: row.version, outcome: "uphold", reason: "The wrong version was sent." });
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("IN_REVIEW");
    expect((await reviewOf(version.id)).status).toBe("OPEN");
    expect((await appealViewFor(e.expert, credential.id))?.review.appeals[0].status).toBe("UPHELD");
  });

  it("a dismissed appeal leaves the decline standing", async () => {
    const { version, review } = await declined();
    const appeal = await lodge(review);
    await decideAppeal(e.staff, { id: appeal.id, version: 1, outcome: "dismiss", reason: "No procedural irregularity found." });
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("DECLINED");
  });

  it("counts the bank holidays held as data out of the window", async () => {
    const { credential, review } = await declined();
    await testDb().endorsementReview.update({ where: { id: review.id }, data: { decidedAt: new Date("2026-12-21T16:00:00Z") } });
    expect((await appealViewFor(e.expert, credential.id))?.deadlineText).toBe("4 January 2027");
    await testDb().bankHoliday.createMany({
      data: [
        { date: new Date("2026-12-25"), name: "Christmas Day" },
        { date: new Date("2026-12-28"), name: "Boxing Day (substitute day)" },
        { date: new Date("2027-01-01"), name: "New Year's Day" },
      ],
    });
    expect((await appealViewFor(e.expert, credential.id))?.deadlineText).toBe("7 January 2027");
  });

  it("refuses an appeal after the window has closed, and writes nothing", async () => {
    const { review } = await declined();
    await testDb().endorsementReview.update({ where: { id: review.id }, data: { decidedAt: new Date("2024-01-02T10:00:00Z") } });
    const refused = await refusal(lodge(review));
    expect(refused.message).toBe("The appeal window closed on 16 January 2024, so this decline can no longer be appealed.");
    expect(await testDb().endorsementAppeal.count()).toBe(0);
  });
});

describe("staff's to-do list", () => {
  it("lists a panel meeting on its day with the items that still await the panel's recommendation", async () => {
    await meetingWithItem();
    const tasks = await toDoList(e.staff);
    expect(tasks.find((t) => t.key.startsWith("panel-held-"))).toMatchObject({
      task: "Record the panel's recommendations (1 item awaits one)",
      name: "Endorsement panel, December",
      urgency: "DUE_SOON",
    });
  });
});

describe("the expert group's to-do list", () => {
  it("asks the expert group to consider an appeal while its window is open, and no longer once it has appealed", async () => {
    await testDb().appealWindow.create({ data: { workingDays: 10, effectiveFrom: new Date("2020-01-01") } });
    const { version } = await readyForDecision(e);
    await decideEndorsement(e.staff, {
      id: version.id,
      version: version.version,
      decision: "DECLINE",
      rationale: "Not met.",
      conditions: "",
    });
    const appealTask = async () => (await toDoList(e.expert)).find((t) => t.key.startsWith("appeal-"));
    expect(await appealTask()).toMatchObject({ task: "Appeal the decline, if there are grounds", urgency: "DUE_SOON" });
    expect((await toDoList(e.otherExpert)).some((t) => t.key.startsWith("appeal-"))).toBe(false);
    const review = await reviewOf(version.id);
    await lodgeAppeal(e.expert, { id: review.id, version: review.version, grounds: "The wrong version was reviewed." });
    expect(await appealTask()).toBeUndefined();
  });
});
