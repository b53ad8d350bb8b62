import { describe, expect, it } from "vitest";
import { appealDeadline, appealRefusal, check, panelMeetingMachine, quorumProblem, type PanelMeetingContext } from "@/lib/workflow";
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

  it("refuses a recommendation from a panel below its quorum, saying how many attended", () => {
    const verdict = check(panelMeetingMachine, "recommend", "SCHEDULED", { ...meeting, attendedCount: 2, actor: staff });
    expect(verdict).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(!verdict.ok && verdict.reason).toBe(
      "The panel is not quorate: 2 members attended and the quorum is 3, so no recommendation can be recorded.",
    );
    expect(check(panelMeetingMachine, "recommend", "SCHEDULED", { ...meeting, actor: staff }).ok).toBe(true);
  });

  it("asks for attendance before any recommendation", () => {
    const verdict = check(panelMeetingMachine, "recommend", "SCHEDULED", { ...meeting, attendanceRecorded: false, actor: staff });
    expect(!verdict.ok && verdict.reason).toMatch(/Record who attended/);
  });

  it("fixes the agenda once attendance is recorded", () => {
    expect(check(panelMeetingMachine, "removeFromAgenda", "SCHEDULED", { ...meeting, actor: staff }).ok).toBe(false);
    expect(check(panelMeetingMachine, "removeFromAgenda", "SCHEDULED", { ...meeting, attendanceRecorded: false, actor: staff }).ok).toBe(
      true,
    );
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

describe("appeal window", () => {
  it("counts working days from the decision, skipping weekends", () => {
    // Friday 4 December 2026 + 10 working days = Friday 18 December 2026.
    expect(appealDeadline(new Date("2026-12-04T15:00:00Z"), 10).toISOString().slice(0, 10)).toBe("2026-12-18");
    expect(appealDeadline(new Date("2026-12-05T09:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2026-12-07");
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
