import { describe, expect, it } from "vitest";
import {
  appealDeadline,
  appealRefusal,
  check,
  panelAgendaItemMachine,
  panelMeetingMachine,
  quorumProblem,
  type PanelAgendaItemContext,
  type PanelMeetingContext,
} from "@/lib/workflow";
import { ORG, expert, otherExpert, staff } from "./fixtures";

const meeting: PanelMeetingContext = {
  quorum: 3,
  attendanceRecorded: true,
  attendedCount: 3,
  meetingDayReached: true,
  itemCount: 2,
  unrecommendedCount: 2,
};

describe("panel meeting rules", () => {
  it("a quorum must be at least one and no more than the members", () => {
    expect(quorumProblem(0, 4)).toBe("The quorum must be at least 1");
    expect(quorumProblem(5, 4)).toBe("The quorum cannot be more than the number of members (4)");
    expect(quorumProblem(4, 4)).toBeNull();
  });

  it("fixes the agenda once attendance is recorded", () => {
    expect(check(panelMeetingMachine, "addToAgenda", "SCHEDULED", { ...meeting, actor: staff }).ok).toBe(false);
    expect(check(panelMeetingMachine, "addToAgenda", "SCHEDULED", { ...meeting, attendanceRecorded: false, actor: staff }).ok).toBe(true);
  });

  it("records the minutes only once every item has a recommendation, and only with minutes", () => {
    expect(check(panelMeetingMachine, "hold", "SCHEDULED", { ...meeting, minutes: "Met.", actor: staff }).ok).toBe(false);
    const done = { ...meeting, unrecommendedCount: 0 };
    expect(check(panelMeetingMachine, "hold", "SCHEDULED", { ...done, minutes: " ", actor: staff })).toMatchObject({ ok: false });
    expect(check(panelMeetingMachine, "hold", "SCHEDULED", { ...done, minutes: "Met.", actor: staff })).toMatchObject({
      ok: true,
      to: "HELD",
    });
  });

  it("takes attendance only once the meeting day has come", () => {
    expect(check(panelMeetingMachine, "recordAttendance", "SCHEDULED", { ...meeting, meetingDayReached: false, actor: staff }).ok).toBe(
      false,
    );
  });
});

describe("agenda item rules", () => {
  const item: PanelAgendaItemContext = {
    meetingStatus: "SCHEDULED",
    quorum: 3,
    attendanceRecorded: true,
    attendedCount: 3,
    reviewDecided: false,
  };

  it("refuses a recommendation from a panel below its quorum, saying how many attended", () => {
    const verdict = check(panelAgendaItemMachine, "recommend", "ON_AGENDA", { ...item, attendedCount: 2, actor: staff });
    expect(verdict).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(!verdict.ok && verdict.reason).toBe(
      "The panel is not quorate: 2 members attended and the quorum is 3, so no recommendation can be recorded.",
    );
    expect(check(panelAgendaItemMachine, "recommend", "ON_AGENDA", { ...item, actor: staff })).toMatchObject({
      ok: true,
      to: "RECOMMENDED",
    });
  });

  it("asks for attendance before any recommendation, and takes none once the minutes are recorded", () => {
    const early = check(panelAgendaItemMachine, "recommend", "ON_AGENDA", { ...item, attendanceRecorded: false, actor: staff });
    expect(!early.ok && early.reason).toMatch(/Record who attended/);
    const late = check(panelAgendaItemMachine, "recommend", "RECOMMENDED", { ...item, meetingStatus: "HELD", actor: staff });
    expect(!late.ok && late.reason).toMatch(/minutes are recorded/);
  });

  it("lets the panel correct its recommendation until the minutes, but not recommend on an item taken off or decided", () => {
    expect(check(panelAgendaItemMachine, "recommend", "RECOMMENDED", { ...item, actor: staff }).ok).toBe(true);
    expect(check(panelAgendaItemMachine, "recommend", "WITHDRAWN", { ...item, actor: staff })).toMatchObject({ code: "WRONG_STATE" });
    expect(check(panelAgendaItemMachine, "recommend", "DECIDED", { ...item, actor: staff })).toMatchObject({ code: "WRONG_STATE" });
  });

  it("takes an item off the agenda only before attendance is recorded, and only with a reason", () => {
    const before = { ...item, attendanceRecorded: false };
    expect(check(panelAgendaItemMachine, "withdraw", "ON_AGENDA", { ...before, reason: " ", actor: staff })).toMatchObject({
      ok: false,
      reason: "Give a reason for taking this specification off the agenda.",
    });
    expect(check(panelAgendaItemMachine, "withdraw", "ON_AGENDA", { ...before, reason: "Not ready.", actor: staff })).toMatchObject({
      ok: true,
      to: "WITHDRAWN",
    });
    const begun = check(panelAgendaItemMachine, "withdraw", "ON_AGENDA", { ...item, reason: "Not ready.", actor: staff });
    expect(!begun.ok && begun.reason).toMatch(/agenda is fixed once attendance is recorded/);
    expect(check(panelAgendaItemMachine, "withdraw", "RECOMMENDED", { ...before, reason: "Not ready.", actor: staff })).toMatchObject({
      code: "WRONG_STATE",
    });
  });

  it("takes the items of a cancelled meeting off its agenda, even after attendance", () => {
    expect(
      check(panelAgendaItemMachine, "withdraw", "ON_AGENDA", { ...item, meetingStatus: "CANCELLED", reason: "Chair unwell.", actor: staff })
        .ok,
    ).toBe(true);
  });

  it("is decided only once the Centre's decision on the review is recorded", () => {
    const pending = check(panelAgendaItemMachine, "decide", "RECOMMENDED", { ...item, actor: staff });
    expect(!pending.ok && pending.reason).toBe("The Centre has not recorded its decision on this specification yet.");
    expect(check(panelAgendaItemMachine, "decide", "RECOMMENDED", { ...item, reviewDecided: true, actor: staff })).toMatchObject({
      ok: true,
      to: "DECIDED",
    });
    expect(check(panelAgendaItemMachine, "decide", "ON_AGENDA", { ...item, reviewDecided: true, actor: staff })).toMatchObject({
      code: "WRONG_STATE",
    });
  });
});

describe("appeal window", () => {
  it("counts working days from the decision, skipping weekends", () => {
    // Friday 4 December 2026 + 10 working days = Friday 18 December 2026.
    expect(appealDeadline(new Date("2026-12-04T15:00:00Z"), 10).toISOString().slice(0, 10)).toBe("2026-12-18");
    expect(appealDeadline(new Date("2026-12-05T09:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2026-12-07");
  });

  // England and Wales, as the migration bank_holidays records them from GOV.UK.
  const HOLIDAYS = ["2026-05-25", "2026-12-25", "2026-12-28", "2027-01-01"];

  it("skips Christmas, the Boxing Day substitute and New Year's Day for a decline just before Christmas", () => {
    // Monday 21 December 2026: 22, 23, 24, 29, 30, 31 December and 4, 5, 6, 7 January are the ten working days.
    expect(appealDeadline(new Date("2026-12-21T16:00:00Z"), 10, HOLIDAYS).toISOString().slice(0, 10)).toBe("2027-01-07");
    expect(appealDeadline(new Date("2026-12-21T16:00:00Z"), 10).toISOString().slice(0, 10)).toBe("2027-01-04");
  });

  it("skips a bank-holiday Monday after a decline on the Friday before it", () => {
    // Friday 22 May 2026; Monday 25 May is the spring bank holiday.
    expect(appealDeadline(new Date("2026-05-22T11:00:00Z"), 1, HOLIDAYS).toISOString().slice(0, 10)).toBe("2026-05-26");
    expect(appealDeadline(new Date("2026-05-22T11:00:00Z"), 10, HOLIDAYS).toISOString().slice(0, 10)).toBe("2026-06-08");
  });

  const facts = {
    versionStatus: "DECLINED" as const,
    organisationId: ORG.expert,
    deadline: new Date("2026-12-18T00:00:00Z"),
    appealed: false,
  };

  it("lets the expert group appeal up to the end of the last day, and refuses after it", () => {
    expect(appealRefusal(expert, { ...facts, now: new Date("2026-12-18T23:59:00Z") })).toBeNull();
    expect(appealRefusal(expert, { ...facts, now: new Date("2026-12-19T00:00:00Z") })).toBe(
      "The appeal window closed on 18 December 2026, so this decline can no longer be appealed.",
    );
  });

  it("refuses another group, a second appeal and a specification that was not declined", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    expect(appealRefusal(otherExpert, { ...facts, now })).toMatch(/Only the expert group/);
    expect(appealRefusal(expert, { ...facts, appealed: true, now })).toMatch(/already been appealed/);
    expect(appealRefusal(expert, { ...facts, versionStatus: "ENDORSED", now })).toMatch(/Only a declined/);
    expect(appealRefusal(expert, { ...facts, deadline: null, now })).toMatch(/has not set an appeal window/);
  });
});
