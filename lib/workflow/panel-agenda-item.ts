import { allOf, requireReason } from "./guards";
import { quorate, type PanelMeetingStatus } from "./panel-meeting";
import { defineMachine, STAFF, type Guard } from "./types";

// One reviewed candidate specification on a panel meeting's agenda. A quorate panel recommends a decision on it; the
// Centre's decision on the review then closes it. Staff may take it off a meeting's agenda before the meeting begins,
// with a reason; a cancelled meeting's items come off its agenda with it, and so does an item whose review the Centre
// decides before the panel has recommended.

export const PANEL_AGENDA_ITEM_STATES = ["ON_AGENDA", "RECOMMENDED", "DECIDED", "WITHDRAWN"] as const;
export type PanelAgendaItemStatus = (typeof PANEL_AGENDA_ITEM_STATES)[number];

/** An item in one of these states holds its review: the review can be on no other agenda meanwhile. */
export const ACTIVE_AGENDA_ITEM_STATES = ["ON_AGENDA", "RECOMMENDED"] as const satisfies readonly PanelAgendaItemStatus[];

export function isActiveAgendaItem(status: PanelAgendaItemStatus): boolean {
  return (ACTIVE_AGENDA_ITEM_STATES as readonly PanelAgendaItemStatus[]).includes(status);
}

export interface PanelAgendaItemContext {
  meetingStatus: PanelMeetingStatus;
  quorum: number;
  /** Whether the meeting's attendance has been recorded. */
  attendanceRecorded: boolean;
  attendedCount: number;
  /** Whether the Centre has recorded its decision on the item's review. */
  reviewDecided: boolean;
  reason?: string | null;
}
type Ctx = PanelAgendaItemContext;

const meetingInProgress: Guard<Ctx> = (ctx) =>
  ctx.meetingStatus === "SCHEDULED" ? null : "The panel's minutes are recorded, so its recommendations can no longer change.";

const agendaOpen: Guard<Ctx> = (ctx) => {
  if (ctx.meetingStatus === "CANCELLED") return null;
  if (ctx.meetingStatus !== "SCHEDULED") return "The meeting has been held, so its agenda can no longer change.";
  return ctx.attendanceRecorded ? "The meeting has begun: its agenda is fixed once attendance is recorded." : null;
};

const reviewDecided: Guard<Ctx> = (ctx) =>
  ctx.reviewDecided ? null : "The Centre has not recorded its decision on this specification yet.";

export const panelAgendaItemMachine = defineMachine<PanelAgendaItemStatus, Ctx>()({
  entity: "PanelAgendaItem",
  noun: "agenda item",
  states: PANEL_AGENDA_ITEM_STATES,
  initial: "ON_AGENDA",
  labels: { ON_AGENDA: "On the agenda", RECOMMENDED: "Recommended", DECIDED: "Decided", WITHDRAWN: "Taken off the agenda" },
  transitions: [
    {
      // From RECOMMENDED too: the panel may correct its recommendation until the minutes are recorded.
      name: "recommend",
      from: ["ON_AGENDA", "RECOMMENDED"],
      to: "RECOMMENDED",
      roles: STAFF,
      label: "Record recommendation",
      verb: "record a panel's recommendation",
      participle: "given a recommendation",
      guard: allOf<Ctx>(meetingInProgress, quorate),
    },
    {
      name: "withdraw",
      from: ["ON_AGENDA"],
      to: "WITHDRAWN",
      roles: STAFF,
      label: "Take off the agenda",
      verb: "change a panel's agenda",
      participle: "taken off the agenda",
      guard: agendaOpen,
      input: requireReason("taking this specification off the agenda"),
    },
    {
      // From DECIDED too: an upheld appeal sends the review back for a new decision, which follows the same panel.
      name: "decide",
      from: ["RECOMMENDED", "DECIDED"],
      to: "DECIDED",
      roles: STAFF,
      label: "Record the Centre's decision",
      verb: "decide on an endorsement review",
      participle: "decided",
      guard: reviewDecided,
    },
  ],
});
