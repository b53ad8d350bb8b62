import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  check,
  machines,
  type Actor,
  type ActorRole,
  type EntityName,
  type Machine,
} from '@/lib/workflow';
import { ACTORS, ALL_ROLES, ORG, reviewer } from './fixtures';

// Every transition × every role × every state of every machine. The expectations come from the hand-written
// tables below (copied from the brief, not from the machines), so a wrong row in a machine fails here.

const SAME = 'SAME';
type Row<S extends string> = readonly [transition: string, roles: readonly ActorRole[], from: readonly S[], to: S | typeof SAME];

const STAFF: readonly ActorRole[] = ['CENTRE_STAFF'];
const STAFF_SYSTEM: readonly ActorRole[] = ['CENTRE_STAFF', 'SYSTEM'];

type Outcome = { ok: true; to: string } | { ok: false; code: string; reason: string };

interface Spec {
  entity: string;
  expectedStates: readonly string[];
  states: readonly string[];
  transitionNames: readonly string[];
  rows: readonly Row<string>[];
  run: (transition: string, state: string, actor: Actor) => Outcome;
  available: (state: string, actor: Actor) => string[];
}

/** `context` satisfies every guard and input for the actors in fixtures. */
function spec<S extends string, C, N extends string>(
  machine: Machine<S, C, N>,
  expectedStates: readonly S[],
  context: C,
  rows: readonly Row<S>[],
): Spec {
  const asState = (state: string): S => {
    const found = machine.states.find((s) => s === state);
    if (found === undefined) throw new Error(`${state} is not a ${machine.entity} state`);
    return found;
  };
  return {
    entity: machine.entity,
    expectedStates,
    states: machine.states,
    transitionNames: machine.transitions.map((t) => t.name),
    rows,
    run: (transition, state, actor) => check(machine, transition, asState(state), { ...context, actor }),
    available: (state, actor) => availableTransitions(machine, asState(state), { ...context, actor }).map((t) => t.name),
  };
}

const reason = 'A reason the user typed.';

const SPECS: Record<EntityName, Spec> = {
  PriorityRound: spec(machines.PriorityRound, ['DRAFT', 'OPEN', 'CLOSED'], {}, [
    ['open', STAFF, ['DRAFT'], 'OPEN'],
    ['close', STAFF, ['OPEN'], 'CLOSED'],
  ]),
  Priority: spec(machines.Priority, ['DRAFT', 'PUBLISHED', 'CLOSED'], { roundStatus: 'OPEN', hasRequiredFields: true, reason }, [
    ['publish', STAFF, ['DRAFT'], 'PUBLISHED'],
    ['close', STAFF, ['PUBLISHED'], 'CLOSED'],
    ['edit', STAFF, ['DRAFT', 'PUBLISHED'], SAME],
    ['rank', STAFF, ['DRAFT', 'PUBLISHED'], SAME],
    ['assessGateway', STAFF, ['PUBLISHED'], 'PUBLISHED'],
  ]),
  Commission: spec(
    machines.Commission,
    ['DRAFT', 'ISSUED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED'],
    { organisationId: ORG.expert, priorityStatus: 'PUBLISHED', gatewayOutcome: 'PASSED', reason },
    [
      ['edit', STAFF, ['DRAFT'], 'DRAFT'],
      ['issue', STAFF, ['DRAFT'], 'ISSUED'],
      ['accept', ['EXPERT'], ['ISSUED'], 'ACCEPTED'],
      ['decline', ['EXPERT'], ['ISSUED'], 'DECLINED'],
      ['complete', STAFF_SYSTEM, ['ACCEPTED'], 'COMPLETED'],
      ['cancel', STAFF, ['DRAFT', 'ISSUED', 'ACCEPTED'], 'CANCELLED'],
    ],
  ),
  Credential: spec(
    machines.Credential,
    ['IN_DEVELOPMENT', 'ENDORSED', 'UNDER_PERIODIC_REVIEW', 'REVISION_REQUIRED', 'WITHDRAWN'],
    { publishedAt: null, reason },
    [
      ['endorse', STAFF, ['IN_DEVELOPMENT', 'REVISION_REQUIRED'], 'ENDORSED'],
      ['publish', STAFF, ['ENDORSED'], 'ENDORSED'],
      ['startPeriodicReview', STAFF_SYSTEM, ['ENDORSED'], 'UNDER_PERIODIC_REVIEW'],
      ['reaffirm', STAFF, ['UNDER_PERIODIC_REVIEW'], 'ENDORSED'],
      ['requireRevision', STAFF, ['UNDER_PERIODIC_REVIEW'], 'REVISION_REQUIRED'],
      ['withdraw', STAFF, ['ENDORSED', 'UNDER_PERIODIC_REVIEW', 'REVISION_REQUIRED'], 'WITHDRAWN'],
    ],
  ),
  SpecificationVersion: spec(
    machines.SpecificationVersion,
    ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'ENDORSED', 'DECLINED', 'SUPERSEDED'],
    {
      organisationId: ORG.expert,
      credentialOrigin: 'PILOT_PHASE_1',
      missingSections: [],
      reviewerCount: 2,
      submittedAssessmentCount: 2,
      rationale: 'Meets every criterion.',
      conditions: ['Add a supervision agreement template.'],
    },
    [
      ['edit', ['EXPERT', 'CENTRE_STAFF'], ['DRAFT'], SAME],
      ['submit', ['EXPERT', 'CENTRE_STAFF'], ['DRAFT'], 'SUBMITTED'],
      ['recall', ['EXPERT'], ['SUBMITTED'], 'DRAFT'],
      ['startReview', STAFF, ['SUBMITTED'], 'IN_REVIEW'],
      ['endorse', STAFF, ['IN_REVIEW'], 'ENDORSED'],
      ['endorseWithConditions', STAFF, ['IN_REVIEW'], 'ENDORSED'],
      ['requestChanges', STAFF, ['IN_REVIEW'], 'CHANGES_REQUESTED'],
      ['decline', STAFF, ['IN_REVIEW'], 'DECLINED'],
      ['supersede', STAFF_SYSTEM, ['ENDORSED'], 'SUPERSEDED'],
    ],
  ),
  ReviewerAssignment: spec(
    machines.ReviewerAssignment,
    ['ASSIGNED', 'SUBMITTED', 'WITHDRAWN'],
    { assigneeId: reviewer.id, subjectOrganisationIds: [ORG.expert], unratedCriteria: [], recommendation: 'ENDORSE' },
    [
      ['submitAssessment', ['REVIEWER'], ['ASSIGNED'], 'SUBMITTED'],
      ['withdraw', STAFF, ['ASSIGNED'], 'WITHDRAWN'],
    ],
  ),
  EndorsementCondition: spec(machines.EndorsementCondition, ['OPEN', 'MET'], { note: 'Template received.' }, [
    ['markMet', STAFF, ['OPEN'], 'MET'],
    ['reopen', STAFF, ['MET'], 'OPEN'],
  ]),
  DeliveryPlan: spec(
    machines.DeliveryPlan,
    ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'SUSPENDED', 'CLOSED'],
    {
      organisationId: ORG.provider,
      credentialStatus: 'ENDORSED',
      unmappedOutcomes: [],
      missingDetails: [],
      rationale: 'Sound plan.',
      conditions: ['Name a supervision lead.'],
      reason,
    },
    [
      ['edit', ['PROVIDER'], ['DRAFT', 'CHANGES_REQUESTED'], SAME],
      ['submit', ['PROVIDER'], ['DRAFT', 'CHANGES_REQUESTED'], 'SUBMITTED'],
      ['startReview', STAFF, ['SUBMITTED'], 'IN_REVIEW'],
      ['requestChanges', STAFF, ['IN_REVIEW'], 'CHANGES_REQUESTED'],
      ['approve', STAFF, ['IN_REVIEW'], 'APPROVED'],
      ['approveWithConditions', STAFF, ['IN_REVIEW'], 'APPROVED_WITH_CONDITIONS'],
      ['reject', STAFF, ['IN_REVIEW'], 'REJECTED'],
      ['suspend', STAFF, ['APPROVED', 'APPROVED_WITH_CONDITIONS'], 'SUSPENDED'],
      ['reinstate', STAFF, ['SUSPENDED'], 'APPROVED'],
      ['close', ['CENTRE_STAFF', 'PROVIDER'], ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'SUSPENDED'], 'CLOSED'],
    ],
  ),
  AnnualReturn: spec(machines.AnnualReturn, ['OPEN', 'SUBMITTED', 'QUERIED', 'ACCEPTED'], { organisationId: ORG.provider, reason }, [
    ['submit', ['PROVIDER'], ['OPEN', 'QUERIED'], 'SUBMITTED'],
    ['query', STAFF, ['SUBMITTED'], 'QUERIED'],
    ['accept', STAFF, ['SUBMITTED'], 'ACCEPTED'],
  ]),
  QualityReview: spec(
    machines.QualityReview,
    ['PLANNED', 'IN_PROGRESS', 'REPORTED', 'CLOSED'],
    { providerOrganisationId: ORG.provider, reviewerIds: [reviewer.id], findingCount: 3, outcome: 'MEETS_STANDARDS' },
    [
      ['start', ['CENTRE_STAFF', 'REVIEWER'], ['PLANNED'], 'IN_PROGRESS'],
      ['recordFinding', ['CENTRE_STAFF', 'REVIEWER'], ['IN_PROGRESS'], SAME],
      ['raiseAction', ['CENTRE_STAFF', 'REVIEWER'], ['IN_PROGRESS'], SAME],
      ['report', ['REVIEWER'], ['IN_PROGRESS'], 'REPORTED'],
      ['close', STAFF, ['REPORTED'], 'CLOSED'],
    ],
  ),
  QualityAction: spec(
    machines.QualityAction,
    ['OPEN', 'RESPONDED', 'CLOSED'],
    { organisationId: ORG.provider, reviewerIds: [reviewer.id], response: 'Supervisors now trained.', reason },
    [
      ['respond', ['PROVIDER'], ['OPEN'], 'RESPONDED'],
      ['close', ['REVIEWER', 'CENTRE_STAFF'], ['RESPONDED'], 'CLOSED'],
      ['reopen', ['REVIEWER', 'CENTRE_STAFF'], ['RESPONDED'], 'OPEN'],
    ],
  ),
  PeriodicReview: spec(
    machines.PeriodicReview,
    ['SCHEDULED', 'IN_PROGRESS', 'CONCLUDED'],
    { incompleteChecks: [], outcome: 'REAFFIRMED', rationale: 'Still current.' },
    [
      ['start', STAFF, ['SCHEDULED'], 'IN_PROGRESS'],
      ['conclude', STAFF, ['IN_PROGRESS'], 'CONCLUDED'],
    ],
  ),
  ImpactReturn: spec(machines.ImpactReturn, ['DRAFT', 'SUBMITTED', 'QUERIED', 'ACCEPTED'], { organisationId: ORG.provider, reason }, [
    ['edit', ['PROVIDER'], ['DRAFT', 'QUERIED'], SAME],
    ['submit', ['PROVIDER'], ['DRAFT', 'QUERIED'], 'SUBMITTED'],
    ['query', STAFF, ['SUBMITTED'], 'QUERIED'],
    ['accept', STAFF, ['SUBMITTED'], 'ACCEPTED'],
  ]),
  Completion: spec(machines.Completion, ['RECORDED', 'RECOGNISED', 'REVOKED'], { reason }, [
    ['recognise', STAFF, ['RECORDED'], 'RECOGNISED'],
    ['revoke', STAFF, ['RECORDED', 'RECOGNISED'], 'REVOKED'],
  ]),
  Comment: spec(machines.Comment, ['OPEN', 'RESOLVED'], {}, [
    ['resolve', ['CENTRE_STAFF', 'REVIEWER', 'EXPERT'], ['OPEN'], 'RESOLVED'],
    ['reopen', ['CENTRE_STAFF', 'REVIEWER', 'EXPERT'], ['RESOLVED'], 'OPEN'],
  ]),
};

function expected(row: Row<string>, role: ActorRole, state: string): Outcome | { ok: false; code: string } {
  const [, roles, from, to] = row;
  if (!roles.includes(role)) return { ok: false, code: 'NOT_ALLOWED' };
  if (!from.includes(state)) return { ok: false, code: 'WRONG_STATE' };
  return { ok: true, to: to === SAME ? state : to };
}

const cases = Object.values(SPECS).flatMap((s) =>
  s.rows.flatMap((row) =>
    ALL_ROLES.flatMap((role) => s.states.map((state) => ({ s, row, role, state, title: `${s.entity}.${row[0]} by ${role} from ${state}` }))),
  ),
);

describe('every transition × role × state', () => {
  it.each(Object.values(SPECS).map((s) => [s.entity, s] as const))('%s has exactly the states and transitions of the brief', (_, s) => {
    expect(s.states).toEqual(s.expectedStates);
    expect([...s.transitionNames].sort()).toEqual(s.rows.map((r) => r[0]).sort());
  });

  it.each(cases)('$title', ({ s, row, role, state }) => {
    const want = expected(row, role, state);
    const got = s.run(row[0], state, ACTORS[role]);
    if (want.ok) {
      expect(got).toMatchObject({ ok: true, to: want.to });
    } else {
      expect(got).toMatchObject({ ok: false, code: want.code });
      expect(got.ok === false && got.reason.trim().length > 10).toBe(true);
    }
  });

  it.each(Object.values(SPECS).map((s) => [s.entity, s] as const))('%s refuses an unknown transition', (_, s) => {
    const state = s.states[0] ?? '';
    expect(s.run('teleport', state, ACTORS.CENTRE_STAFF)).toMatchObject({ ok: false, code: 'UNKNOWN_TRANSITION' });
  });
});

describe('available transitions (buttons) match the tables', () => {
  const buttonCases = Object.values(SPECS).flatMap((s) =>
    ALL_ROLES.flatMap((role) => s.states.map((state) => ({ s, role, state, title: `${s.entity} for ${role} in ${state}` }))),
  );
  it.each(buttonCases)('$title', ({ s, role, state }) => {
    const want = s.rows.filter((row) => expected(row, role, state).ok).map((row) => row[0]);
    expect(s.available(state, ACTORS[role]).sort()).toEqual(want.sort());
  });
});
