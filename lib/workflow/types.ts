// The shared vocabulary of every state machine: roles, actors, transitions, and the two functions that read a
// machine's table. Pure: no I/O, so the data layer, the pages and the tests all ask the same question the same way.

export const ROLES = ["CENTRE_STAFF", "EXPERT", "PROVIDER", "REVIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** Scheduled jobs act as `SYSTEM`; no person has this role. */
export type ActorRole = Role | "SYSTEM";
export const ACTOR_ROLES: readonly ActorRole[] = [...ROLES, "SYSTEM"];

export const ROLE_LABELS: Record<Role, string> = {
  CENTRE_STAFF: "Centre staff",
  EXPERT: "Expert-group member",
  PROVIDER: "Education provider",
  REVIEWER: "Reviewer",
};

/** How a group of actors is named in a sentence: "Only Centre staff can …". */
const ROLE_GROUP_NAMES: Record<ActorRole, string> = {
  CENTRE_STAFF: "Centre staff",
  EXPERT: "expert-group members",
  PROVIDER: "education-provider staff",
  REVIEWER: "reviewers",
  SYSTEM: "the scheduler",
};

export const STAFF: readonly ActorRole[] = ["CENTRE_STAFF"];
export const STAFF_OR_SYSTEM: readonly ActorRole[] = ["CENTRE_STAFF", "SYSTEM"];

export interface Actor {
  id: string;
  role: ActorRole;
  organisationId: string | null;
}

/** For machines whose guards need no facts beyond the actor. */
export type NoFacts = Record<never, never>;

export type GuardContext<C> = C & { actor: Actor };

/** Returns the sentence explaining why the transition is refused, or null when it may go ahead. */
export type Guard<C> = (ctx: GuardContext<C>) => string | null;

/** Target of a transition that changes content but not status (e.g. `edit`). */
export const UNCHANGED = "UNCHANGED";
export type Unchanged = typeof UNCHANGED;

export interface Transition<S extends string, C, N extends string = string> {
  readonly name: N;
  readonly from: readonly S[];
  readonly to: S | Unchanged;
  readonly roles: readonly ActorRole[];
  /** Plain-English button text. */
  readonly label: string;
  /** Completes "Only Centre staff can …", e.g. "issue a commission". */
  readonly verb: string;
  /** Completes "…, so it cannot be …", e.g. "issued". */
  readonly participle: string;
  /** Facts about the entity and the actor (ownership, counts, linked statuses). Decides which buttons show. */
  readonly guard?: Guard<C>;
  /** What the user must supply with the action (reason, rationale, conditions). Checked only when acting. */
  readonly input?: Guard<C>;
}

export interface Machine<S extends string, C, N extends string = string> {
  readonly entity: string;
  /** Lower-case name used in sentences: "This specification version is …". */
  readonly noun: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly transitions: readonly Transition<S, C, N>[];
  /** Plain-English status labels for the StatusTag. */
  readonly labels: Record<S, string>;
}

export type TransitionName<M extends { transitions: readonly { name: string }[] }> = M["transitions"][number]["name"];

export type RefusalCode = "UNKNOWN_TRANSITION" | "WRONG_STATE" | "NOT_ALLOWED" | "GUARD_FAILED";
export interface Refusal<Code extends RefusalCode = RefusalCode> {
  ok: false;
  code: Code;
  reason: string;
}

export type CheckResult<S extends string, C, N extends string = string> = { ok: true; to: S; transition: Transition<S, C, N> } | Refusal;

/** Result of asking whether something may be created (a new version, a new plan). */
export type Permission = { ok: true } | Refusal<"WRONG_STATE">;

/** Lets the transition names of a machine be inferred as literals while states and context are given. */
export function defineMachine<S extends string, C>() {
  return <const N extends string>(machine: Machine<S, C, N>): Machine<S, C, N> => machine;
}

export function describeRoles(roles: readonly ActorRole[]): string {
  return listInWords(
    roles.map((role) => ROLE_GROUP_NAMES[role]),
    "or",
  );
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

function refuse(code: RefusalCode, reason: string): Refusal {
  return { ok: false, code, reason };
}

/** Asks, in order: does the transition exist, may this role do it, is the entity in a state it starts from, do the guards pass. */
export function check<S extends string, C, N extends string>(
  machine: Machine<S, C, N>,
  transitionName: string,
  state: S,
  ctx: GuardContext<C>,
): CheckResult<S, C, N> {
  const transition = machine.transitions.find((t) => t.name === transitionName);
  if (!transition) {
    return refuse("UNKNOWN_TRANSITION", `There is no action called “${transitionName}” for a ${machine.noun}.`);
  }
  if (!transition.roles.includes(ctx.actor.role)) {
    return refuse("NOT_ALLOWED", `Only ${describeRoles(transition.roles)} can ${transition.verb}.`);
  }
  if (!transition.from.includes(state)) {
    const current = machine.labels[state] ?? state;
    return refuse("WRONG_STATE", `This ${machine.noun} is ${current}, so it cannot be ${transition.participle}.`);
  }
  const reason = transition.guard?.(ctx) ?? transition.input?.(ctx) ?? null;
  if (reason !== null) return refuse("GUARD_FAILED", reason);
  return { ok: true, to: transition.to === UNCHANGED ? state : transition.to, transition };
}

/** The transitions this actor could perform now, for showing buttons. Input (reasons, rationale) is asked for later. */
export function availableTransitions<S extends string, C, N extends string>(
  machine: Machine<S, C, N>,
  state: S,
  ctx: GuardContext<C>,
): Transition<S, C, N>[] {
  return machine.transitions.filter((t) => t.roles.includes(ctx.actor.role) && t.from.includes(state) && (t.guard?.(ctx) ?? null) === null);
}

/** Whether this actor could perform the named transition now: one button's question, asked of the machine. */
export function can<S extends string, C, N extends string>(
  machine: Machine<S, C, N>,
  transitionName: N,
  state: S,
  ctx: GuardContext<C>,
): boolean {
  return availableTransitions(machine, state, ctx).some((t) => t.name === transitionName);
}
