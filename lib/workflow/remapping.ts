import { nothingMissing, ownOrganisation, requireReason } from "./guards";
import { REWORDED_SIMILARITY, wordSimilarity } from "@/lib/diff";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// Re-mapping a delivery plan to a new specification version of its credential. The task opens when the new version
// is endorsed; the provider maps the new and changed learning outcomes (unchanged ones carry over) and submits; staff
// approve it, and the plan moves to the new version, or return it with a reason. A later version supersedes an
// unfinished task. Which organisation's tasks a person may touch is decided by the data layer's scoped reads; the
// machine also checks it for providers.

export const REMAPPING_STATES = ["OPEN", "SUBMITTED", "RETURNED", "APPROVED", "SUPERSEDED"] as const;
export type RemappingStatus = (typeof REMAPPING_STATES)[number];

/** With the provider to map and submit. */
export const PROVIDER_REMAPPING_STATES: readonly RemappingStatus[] = ["OPEN", "RETURNED"];
/** Not yet finished: a newer version supersedes these. */
export const UNFINISHED_REMAPPING_STATES: readonly RemappingStatus[] = ["OPEN", "SUBMITTED", "RETURNED"];

/**
 * Days from a new version's endorsement to the re-mapping deadline when `REMAPPING_INTERVAL_DAYS` is not set. The
 * Centre publishes no such figure: 90 is a placeholder for the Centre to set, not a published rule.
 */
export const DEFAULT_REMAPPING_INTERVAL_DAYS = 90;

/** The deadline of a task opened at `openedAt`: a date, `days` calendar days later. */
export function remappingDueOn(openedAt: Date, days: number = DEFAULT_REMAPPING_INTERVAL_DAYS): Date {
  return new Date(Date.UTC(openedAt.getUTCFullYear(), openedAt.getUTCMonth(), openedAt.getUTCDate() + days));
}

export interface RemappingContext {
  /** The education provider whose plan it is. */
  organisationId: string;
  /** New or changed outcomes still without both a module and an assessment, in words ("learning outcome 3"). */
  unmappedOutcomes: readonly string[];
  /** The plan is still delivering (approved, with or without conditions), so it can move to the new version. */
  planDelivering: boolean;
  reason?: string | null;
}
type Ctx = RemappingContext;

const ownTask = ownOrganisation("PROVIDER", "re-mapping task");
const allMapped: Guard<Ctx> = (ctx) =>
  nothingMissing(ctx.unmappedOutcomes, (list) => `Map ${list} to a module and an assessment before you submit.`);
const planDelivering: Guard<Ctx> = (ctx) =>
  ctx.planDelivering ? null : "The plan is no longer approved for delivery, so it cannot move to the new version.";

export const remappingMachine = defineMachine<RemappingStatus, Ctx>()({
  entity: "RemappingTask",
  noun: "re-mapping task",
  states: REMAPPING_STATES,
  initial: "OPEN",
  labels: {
    OPEN: "To map",
    SUBMITTED: "Submitted",
    RETURNED: "Returned",
    APPROVED: "Approved",
    SUPERSEDED: "Superseded",
  },
  transitions: [
    {
      name: "save",
      from: PROVIDER_REMAPPING_STATES,
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Save and come back later",
      verb: "save a re-mapping",
      participle: "saved",
      guard: ownTask,
    },
    {
      name: "submit",
      from: PROVIDER_REMAPPING_STATES,
      to: "SUBMITTED",
      roles: ["PROVIDER"],
      label: "Submit the re-mapping",
      verb: "submit a re-mapping",
      participle: "submitted",
      guard: ownTask,
      input: allMapped,
    },
    {
      name: "approve",
      from: ["SUBMITTED"],
      to: "APPROVED",
      roles: STAFF,
      label: "Approve the re-mapping",
      verb: "approve a re-mapping",
      participle: "approved",
      guard: planDelivering,
    },
    {
      name: "return",
      from: ["SUBMITTED"],
      to: "RETURNED",
      roles: STAFF,
      label: "Return it to the provider",
      verb: "return a re-mapping",
      participle: "returned",
      input: requireReason("returning this re-mapping"),
    },
    // A newer version endorsed before this task finished: the plan re-maps to that one instead.
    {
      name: "supersede",
      from: UNFINISHED_REMAPPING_STATES,
      to: "SUPERSEDED",
      roles: STAFF,
      label: "Supersede",
      verb: "supersede a re-mapping",
      participle: "superseded",
    },
  ],
});

export type OutcomeChange = "UNCHANGED" | "CHANGED" | "NEW";
export type Mapping = { module: string; assessment: string };
type Outcome = { id: string; position: number; text: string };

export type RemappedOutcome = {
  outcome: Outcome;
  change: OutcomeChange;
  /** The old version's text this outcome replaces (changed outcomes only), for a word-by-word comparison. */
  previousText: string | null;
  /** The plan's mapping of the same outcome text, which an unchanged outcome keeps. */
  carried: Mapping | null;
};

const same = (a: string, b: string) => a.trim().replace(/\s+/g, " ") === b.trim().replace(/\s+/g, " ");

/**
 * Each outcome of the new version against the old: unchanged (the same text somewhere in the old version) keeps the
 * plan's mapping of it. Of the rest, each is changed from the old outcome it rewords most closely (the compare
 * page's measure, wherever either stands in its list, so an outcome reworded and moved is still changed); failing
 * that, from an old outcome left at its position; and new when neither is there.
 */
export function remapOutcomes(
  oldOutcomes: readonly Outcome[],
  newOutcomes: readonly Outcome[],
  oldMappings: ReadonlyMap<string, Mapping>,
): RemappedOutcome[] {
  const reused = new Set<string>();
  const kept = new Map<string, Outcome>();
  for (const outcome of newOutcomes) {
    const old = oldOutcomes.find((o) => !reused.has(o.id) && same(o.text, outcome.text));
    if (old) {
      reused.add(old.id);
      kept.set(outcome.id, old);
    }
  }
  // The closest pairs first, so each old outcome goes to the new one that rewords it most.
  const pairs = newOutcomes
    .filter((n) => !kept.has(n.id))
    .flatMap((n) => oldOutcomes.filter((o) => !reused.has(o.id)).map((o) => ({ n, o, score: wordSimilarity(o.text, n.text) })))
    .filter((p) => p.score >= REWORDED_SIMILARITY)
    .sort((a, b) => b.score - a.score || Number(b.o.position === b.n.position) - Number(a.o.position === a.n.position));
  const replaced = new Map<string, Outcome>();
  for (const { n, o } of pairs) {
    if (replaced.has(n.id) || reused.has(o.id)) continue;
    reused.add(o.id);
    replaced.set(n.id, o);
  }
  return newOutcomes.map((outcome) => {
    const old = kept.get(outcome.id);
    if (old) return { outcome, change: "UNCHANGED", previousText: null, carried: oldMappings.get(old.id) ?? null };
    let before = replaced.get(outcome.id);
    if (!before) {
      before = oldOutcomes.find((o) => o.position === outcome.position && !reused.has(o.id));
      if (before) reused.add(before.id);
    }
    return { outcome, change: before ? "CHANGED" : "NEW", previousText: before?.text ?? null, carried: null };
  });
}

const complete = (m: Mapping | null | undefined) => Boolean(m && m.module.trim() !== "" && m.assessment.trim() !== "");

/** "learning outcome 3", … for every outcome without both a module and an assessment. */
export function unmappedRemapping(outcomes: readonly { position: number; id: string }[], mappings: ReadonlyMap<string, Mapping>): string[] {
  return outcomes.filter((o) => !complete(mappings.get(o.id))).map((o) => `learning outcome ${o.position}`);
}
