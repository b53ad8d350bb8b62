import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// A versioned set of gateway or endorsement criteria. Admins draft a version, edit it, and publish it with the date
// it takes effect; once published it never changes, so reviews that used it keep reading as they were made.

export const CRITERIA_SET_STATES = ["DRAFT", "PUBLISHED"] as const;
export type CriteriaSetStatus = (typeof CRITERIA_SET_STATES)[number];
export const CRITERIA_SET_KINDS = ["GATEWAY", "ENDORSEMENT"] as const;
export type CriteriaSetKind = (typeof CRITERIA_SET_KINDS)[number];
export const CRITERIA_SET_KIND_LABELS: Record<CriteriaSetKind, string> = {
  GATEWAY: "Gateway criteria",
  ENDORSEMENT: "Endorsement criteria",
};

/** Bounds that keep a set readable on one page and a review form short enough to complete. */
export const MAX_CRITERIA_PER_SET = 60;

export interface CriteriaSetContext {
  /** Criteria a reviewer would rate: those without parts. */
  ratableCount: number;
  /** The chosen effective date and today, both YYYY-MM-DD. */
  effectiveFrom?: string | null;
  today: string;
}
type Ctx = CriteriaSetContext;

const somethingToRate: Guard<Ctx> = (ctx) =>
  ctx.ratableCount > 0 ? null : "Add at least one criterion that reviewers can rate before publishing this set.";

/** A set takes effect from today or later: publishing must not change what was in effect for work already done. */
const effectiveNotInPast: Guard<Ctx> = (ctx) => {
  if (!ctx.effectiveFrom) return "Enter the date this set takes effect.";
  return ctx.effectiveFrom < ctx.today ? "The date this set takes effect must be today or in the future." : null;
};

export const criteriaSetMachine = defineMachine<CriteriaSetStatus, Ctx>()({
  entity: "CriteriaSet",
  noun: "criteria set",
  states: CRITERIA_SET_STATES,
  initial: "DRAFT",
  labels: { DRAFT: "Draft", PUBLISHED: "Published" },
  transitions: [
    {
      name: "edit",
      from: ["DRAFT"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Edit",
      verb: "edit a criteria set",
      participle: "published, so it can no longer be edited",
    },
    {
      name: "publish",
      from: ["DRAFT"],
      to: "PUBLISHED",
      roles: STAFF,
      label: "Publish",
      verb: "publish a criteria set",
      participle: "published already",
      guard: somethingToRate,
      input: effectiveNotInPast,
    },
  ],
});

type Node = { id: string; parentId: string | null };

/** The criteria a reviewer rates: those that have no parts (4.1(a)–(d), not 4 or 4.1). */
export function ratableCriteria<T extends Node>(criteria: readonly T[]): T[] {
  const parents = new Set(criteria.map((c) => c.parentId).filter((id) => id !== null));
  return criteria.filter((c) => !parents.has(c.id));
}

/** The guidance that applies to a criterion: its parents' (outermost first), then its own. */
export function guidanceFor<T extends Node & { guidance: string }>(criterion: T, criteria: readonly T[]): string[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let c: T | undefined = criterion; c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
    seen.add(c.id);
    if (c.guidance.trim()) chain.unshift(c.guidance.trim());
  }
  return chain;
}
