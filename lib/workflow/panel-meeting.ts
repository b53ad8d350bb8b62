import { allOf, hasText, requireReason, thereAre } from "./guards";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// An endorsement panel meeting. Staff schedule it with its members (one chairs) and a quorum, put reviewed candidate
// specifications on its agenda, and at the meeting record who attended; only a quorate panel records recommendations.
// Minutes are recorded when it is held; it is then closed. A meeting that will not take place is cancelled. Each
// agenda item has its own machine (panel-agenda-item.ts): recommending on it, or taking it off the agenda.

export const PANEL_MEETING_STATES = ["SCHEDULED", "HELD", "CLOSED", "CANCELLED"] as const;
export type PanelMeetingStatus = (typeof PANEL_MEETING_STATES)[number];

export interface PanelMeetingContext {
  quorum: number;
  /** Whether the meeting's attendance has been recorded. */
  attendanceRecorded: boolean;
  attendedCount: number;
  /** Whether the meeting's date has come (today or earlier). */
  meetingDayReached: boolean;
  /** Items on the agenda, not counting those taken off it. */
  itemCount: number;
  /** Agenda items without the panel's recommendation yet. */
  unrecommendedCount: number;
  minutes?: string | null;
  reason?: string | null;
}
type Ctx = PanelMeetingContext;

/** A quorum is a number of members: at least one, and no more than the members there are. Null when it is fine. */
export function quorumProblem(quorum: number, memberCount: number): string | null {
  if (!Number.isInteger(quorum) || quorum < 1) return "The quorum must be at least 1";
  if (quorum > memberCount) return `The quorum cannot be more than the number of members (${memberCount})`;
  return null;
}

export function isQuorate(ctx: Pick<Ctx, "attendanceRecorded" | "attendedCount" | "quorum">): boolean {
  return ctx.attendanceRecorded && ctx.attendedCount >= ctx.quorum;
}

const agendaOpen: Guard<Ctx> = (ctx) =>
  ctx.attendanceRecorded ? "The meeting has begun: its agenda is fixed once attendance is recorded." : null;

const meetingDay: Guard<Ctx> = (ctx) => (ctx.meetingDayReached ? null : "Attendance is recorded on the day of the meeting or after it.");

const attendanceOpen: Guard<Ctx> = (ctx) =>
  ctx.unrecommendedCount < ctx.itemCount ? "The panel has made recommendations, so its attendance can no longer change." : null;

/** Recommendations wait for attendance, and for a quorum among those who attended. */
export const quorate = (ctx: Pick<Ctx, "attendanceRecorded" | "attendedCount" | "quorum">): string | null => {
  if (!ctx.attendanceRecorded) return "Record who attended before recording the panel's recommendations.";
  if (ctx.attendedCount >= ctx.quorum) return null;
  const attended = ctx.attendedCount === 1 ? "1 member attended" : `${ctx.attendedCount} members attended`;
  return `The panel is not quorate: ${attended} and the quorum is ${ctx.quorum}, so no recommendation can be recorded.`;
};

const everyItemRecommended: Guard<Ctx> = (ctx) => {
  if (ctx.itemCount === 0) return "Put at least one candidate specification on the agenda before recording the minutes.";
  return ctx.unrecommendedCount === 0
    ? null
    : `Record the panel's recommendation on every agenda item first; ${thereAre(ctx.unrecommendedCount)} without one.`;
};

const noRecommendations: Guard<Ctx> = (ctx) =>
  ctx.unrecommendedCount < ctx.itemCount ? "The panel has made recommendations, so the meeting cannot be cancelled." : null;

const requireMinutes: Guard<Ctx> = (ctx) => (hasText(ctx.minutes) ? null : "Enter the minutes of the meeting.");

export const panelMeetingMachine = defineMachine<PanelMeetingStatus, Ctx>()({
  entity: "PanelMeeting",
  noun: "panel meeting",
  states: PANEL_MEETING_STATES,
  initial: "SCHEDULED",
  labels: { SCHEDULED: "Scheduled", HELD: "Held", CLOSED: "Closed", CANCELLED: "Cancelled" },
  transitions: [
    {
      name: "addToAgenda",
      from: ["SCHEDULED"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Add to agenda",
      verb: "change a panel's agenda",
      participle: "given agenda items",
      guard: agendaOpen,
    },
    {
      name: "recordAttendance",
      from: ["SCHEDULED"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Record attendance",
      verb: "record a panel's attendance",
      participle: "given attendance",
      guard: allOf<Ctx>(meetingDay, attendanceOpen),
    },
    {
      name: "hold",
      from: ["SCHEDULED"],
      to: "HELD",
      roles: STAFF,
      label: "Record minutes",
      verb: "record a panel's minutes",
      participle: "recorded as held",
      guard: allOf<Ctx>(quorate, everyItemRecommended),
      input: requireMinutes,
    },
    {
      name: "close",
      from: ["HELD"],
      to: "CLOSED",
      roles: STAFF,
      label: "Close meeting",
      verb: "close a panel meeting",
      participle: "closed",
    },
    {
      name: "cancel",
      from: ["SCHEDULED"],
      to: "CANCELLED",
      roles: STAFF,
      label: "Cancel meeting",
      verb: "cancel a panel meeting",
      participle: "cancelled",
      guard: noRecommendations,
      input: requireReason("cancelling this meeting"),
    },
  ],
});
