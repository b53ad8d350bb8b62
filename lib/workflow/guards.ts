// Guard helpers shared by several machines. Each returns a refusal sentence or null.
import { listInWords, type ActorRole, type Guard } from "./types";

/** Runs guards in order and returns the first refusal. */
export function allOf<C>(...guards: readonly Guard<C>[]): Guard<C> {
  return (ctx) => {
    for (const guard of guards) {
      const reason = guard(ctx);
      if (reason !== null) return reason;
    }
    return null;
  };
}

/** Applies a guard only to actors with the given role; other permitted roles (usually staff) pass. */
export function forRole<C>(role: ActorRole, guard: Guard<C>): Guard<C> {
  return (ctx) => (ctx.actor.role === role ? guard(ctx) : null);
}

/** The actor with `role` must belong to the organisation the entity belongs to (`ctx.organisationId`). */
export function ownOrganisation(role: ActorRole, noun: string): Guard<{ organisationId: string }> {
  return forRole(role, (ctx) =>
    ctx.actor.organisationId !== null && ctx.actor.organisationId === ctx.organisationId
      ? null
      : `This ${noun} belongs to another organisation, so you cannot act on it.`,
  );
}

export function hasText(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

/** A reason is required, e.g. `requireReason('declining this commission')` → "Give a reason for declining this commission." */
export function requireReason(purpose: string): Guard<{ reason?: string | null }> {
  return (ctx) => (hasText(ctx.reason) ? null : `Give a reason for ${purpose}.`);
}

export function requireRationale(): Guard<{ rationale?: string | null }> {
  return (ctx) => (hasText(ctx.rationale) ? null : "Give the rationale for this decision.");
}

/** At least one non-blank condition, e.g. `requireConditions('endorse with conditions')`. */
export function requireConditions(verb: string): Guard<{ conditions?: readonly string[] | null }> {
  return (ctx) => ((ctx.conditions ?? []).some((condition) => hasText(condition)) ? null : `Add at least one condition to ${verb}.`);
}

/** "there is 1" / "there are 2" — keeps count sentences grammatical. */
export function thereAre(count: number): string {
  return count === 1 ? "there is 1" : `there are ${count}`;
}

/** Lists what is still missing, or null when nothing is. */
export function nothingMissing(missing: readonly string[], sentence: (list: string) => string): string | null {
  return missing.length === 0 ? null : sentence(listInWords(missing));
}

/** A reviewer may never assess where their own organisation is the subject. */
export function conflictOfInterest(reviewer: { organisationId: string | null }, subjectOrganisationIds: readonly string[]): string | null {
  return reviewer.organisationId !== null && subjectOrganisationIds.includes(reviewer.organisationId)
    ? "This reviewer belongs to an organisation that is the subject of this review, so they have a conflict of interest."
    : null;
}

/**
 * For reviewers only: the actor must be one of the assigned reviewers and free of conflict of interest.
 * Staff and other permitted roles pass.
 */
export function assignedReviewer<C>(
  noun: string,
  reviewerIds: (ctx: C) => readonly string[],
  subjectOrganisationIds: (ctx: C) => readonly string[],
): Guard<C> {
  return forRole<C>("REVIEWER", (ctx) => {
    if (!reviewerIds(ctx).includes(ctx.actor.id)) return `You are not an assigned reviewer for this ${noun}.`;
    return conflictOfInterest(ctx.actor, subjectOrganisationIds(ctx));
  });
}
