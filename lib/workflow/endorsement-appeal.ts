import { requireReason } from "./guards";
import { defineMachine, STAFF, type Actor } from "./types";
import type { SpecificationStatus } from "./specification-version";

// An expert group's appeal against the decline of its candidate specification. Staff record the outcome: upheld (the
// specification returns to review and a new decision) or dismissed (the decline stands), each with a reason.

export const ENDORSEMENT_APPEAL_STATES = ["LODGED", "UPHELD", "DISMISSED"] as const;
export type EndorsementAppealStatus = (typeof ENDORSEMENT_APPEAL_STATES)[number];

export interface EndorsementAppealContext {
  reason?: string | null;
}

export const endorsementAppealMachine = defineMachine<EndorsementAppealStatus, EndorsementAppealContext>()({
  entity: "EndorsementAppeal",
  noun: "appeal",
  states: ENDORSEMENT_APPEAL_STATES,
  initial: "LODGED",
  labels: { LODGED: "Lodged", UPHELD: "Upheld", DISMISSED: "Dismissed" },
  transitions: [
    {
      name: "uphold",
      from: ["LODGED"],
      to: "UPHELD",
      roles: STAFF,
      label: "Uphold the appeal",
      verb: "decide an appeal",
      participle: "upheld",
      input: requireReason("upholding this appeal"),
    },
    {
      name: "dismiss",
      from: ["LODGED"],
      to: "DISMISSED",
      roles: STAFF,
      label: "Dismiss the appeal",
      verb: "decide an appeal",
      participle: "dismissed",
      input: requireReason("dismissing this appeal"),
    },
  ],
});

export const APPEAL_OUTCOMES = ["uphold", "dismiss"] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The longest appeal window the Centre may publish, in working days. */
export const MAX_WORKING_DAYS = 60;

/** A calendar day as `YYYY-MM-DD`, in UTC: how bank holidays are compared with the days of a window. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The last day to appeal: `workingDays` working days after the day of the decision, in UTC. A working day is Monday to
 * Friday and not one of `bankHolidays` (days as `YYYY-MM-DD`).
 */
export function appealDeadline(decidedAt: Date, workingDays: number, bankHolidays: Iterable<string> = []): Date {
  const holidays = new Set(bankHolidays);
  const day = new Date(Date.UTC(decidedAt.getUTCFullYear(), decidedAt.getUTCMonth(), decidedAt.getUTCDate()));
  let left = workingDays;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(isoDay(day))) left--;
  }
  return day;
}

/**
 * The appeal window a decline made at `at` is judged by, from windows ordered newest first (by the day each takes
 * effect, then by when it was published): the newest to take effect by that day. One taking effect on the very day
 * counts only if it was published before the decline, so publishing a window never changes a decline already made.
 */
export function windowInEffect<W extends { effectiveFrom: Date; createdAt: Date }>(windows: readonly W[], at: Date): W | undefined {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return windows.find(
    (w) => w.effectiveFrom.getTime() < day || (w.effectiveFrom.getTime() === day && w.createdAt.getTime() <= at.getTime()),
  );
}

/**
 * How many calendar days after a decision its appeal window can reach at most: five working days a week, plus a
 * fortnight for the bank holidays any window can hold (England and Wales have eight a year). Bounds the holidays read.
 */
export function appealWindowSpanDays(workingDays: number): number {
  return Math.ceil((workingDays * 7) / 5) + 14;
}

export interface AppealFacts {
  versionStatus: SpecificationStatus;
  /** The organisation that owns the credential: its expert group. */
  organisationId: string;
  /** The last day to appeal, or null when no appeal window is in effect. */
  deadline: Date | null;
  /** Whether this decline has been appealed already. */
  appealed: boolean;
  now: Date;
}

/** Why this actor may not appeal the decline now, or null when they may. */
export function appealRefusal(actor: Actor, facts: AppealFacts): string | null {
  if (actor.role !== "EXPERT" || actor.organisationId !== facts.organisationId) {
    return "Only the expert group that wrote this specification can appeal its decline.";
  }
  if (facts.versionStatus !== "DECLINED") return "Only a declined specification can be appealed.";
  if (facts.appealed) return "This decline has already been appealed.";
  if (!facts.deadline) return "The Centre has not set an appeal window, so this decline cannot be appealed here.";
  if (facts.now.getTime() >= facts.deadline.getTime() + DAY_MS) {
    const day = facts.deadline.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return `The appeal window closed on ${day}, so this decline can no longer be appealed.`;
  }
  return null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
