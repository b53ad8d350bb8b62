import { describe, expect, it } from "vitest";
import { availableTransitions, check, machines, type Actor, type ActorRole, type EntityName, type Machine } from "@/lib/workflow";
import { ACTORS, ALL_ROLES, ORG, reviewer } from "./fixtures";

// Each machine against the brief: the outcome of every transition × role × state is compared with the hand-written
// table below (copied from the brief, not from the machines) as ONE table per machine, so a wrong row fails here
// and the test count says how many machines are checked, not how many cells.

const SAME = "SAME";
type Row<S extends string> = readonly [transition: string, roles: readonly ActorRole[], from: readonly S[], to: S | typeof SAME];

const STAFF: readonly ActorRole[] = ["CENTRE_STAFF"];
const STAFF_SYSTEM: readonly ActorRole[] = ["CENTRE_STAFF", "SYSTEM"];

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

/**
 * `context` satisfies every guard and input for the actors in fixtures; `overrides` gives the context a transition
 * needs where two transitions' guards exclude each other (reinstating with or without conditions).
 */
function spec<S extends string, C, N extends string>(
  machine: Machine<S, C, N>,
  expectedStates: readonly S[],
  context: C,
  rows: readonly Row<S>[],
  overrides: Partial<Record<N, Partial<C>>> = {},
): Spec {
  const contextFor = (transition: string, actor: Actor) => ({ ...context, ...overrides[transition as N], actor });
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
    run: (transition, state, actor) => check(machine, transition, asState(state), contextFor(transition, actor)),
    available: (state, actor) =>
      machine.transitions
        .map((t) => t.name)
        .filter((name) => availableTransitions(machine, asState(state), contextFor(name, actor)).some((t) => t.name === name)),
  };
}

const reason = "A reason the user typed.";

const SPECS: Record<EntityName, Spec> = {
  PriorityRound: spec(machines.PriorityRound, ["DRAFT", "OPEN", "CLOSED"], { reason }, [
    ["open", STAFF, ["DRAFT"], "OPEN"],
    ["addPriority", STAFF, ["DRAFT", "OPEN"], SAME],
    ["close", STAFF, ["OPEN"], "CLOSED"],
  ]),
  Priority: spec(machines.Priority, ["DRAFT", "PUBLISHED", "CLOSED"], { roundStatus: "OPEN", hasRequiredFields: true, reason }, [
    ["publish", STAFF, ["DRAFT"], "PUBLISHED"],
    ["close", STAFF, ["PUBLISHED"], "CLOSED"],
    ["edit", STAFF, ["DRAFT", "PUBLISHED"], SAME],
    ["rank", STAFF, ["DRAFT", "PUBLISHED"], SAME],
    ["assessGateway", STAFF, ["PUBLISHED"], "PUBLISHED"],
  ]),
  Commission: spec(
    machines.Commission,
    ["DRAFT", "ISSUED", "ACCEPTED", "DECLINED", "COMPLETED", "CANCELLED"],
    { organisationId: ORG.expert, priorityStatus: "PUBLISHED", gatewayOutcome: "PASSED", reason },
    [
      ["edit", STAFF, ["DRAFT"], "DRAFT"],
      ["issue", STAFF, ["DRAFT"], "ISSUED"],
      ["accept", ["EXPERT"], ["ISSUED"], "ACCEPTED"],
      ["decline", ["EXPERT"], ["ISSUED"], "DECLINED"],
      ["complete", STAFF_SYSTEM, ["ACCEPTED"], "COMPLETED"],
      ["cancel", STAFF, ["DRAFT", "ISSUED", "ACCEPTED"], "CANCELLED"],
    ],
  ),
  Credential: spec(
    machines.Credential,
    ["IN_DEVELOPMENT", "ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED", "WITHDRAWN"],
    { publishedAt: null, openConditions: [], now: new Date(), reason },
    [
      ["endorse", STAFF, ["IN_DEVELOPMENT", "REVISION_REQUIRED"], "ENDORSED"],
      ["publish", STAFF, ["ENDORSED"], "ENDORSED"],
      ["startPeriodicReview", STAFF_SYSTEM, ["ENDORSED"], "UNDER_PERIODIC_REVIEW"],
      ["reaffirm", STAFF, ["UNDER_PERIODIC_REVIEW"], "ENDORSED"],
      ["requireRevision", STAFF, ["UNDER_PERIODIC_REVIEW"], "REVISION_REQUIRED"],
      ["withdraw", STAFF, ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"], "WITHDRAWN"],
    ],
  ),
  SpecificationVersion: spec(
    machines.SpecificationVersion,
    ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "ENDORSED", "DECLINED", "SUPERSEDED"],
    {
      organisationId: ORG.expert,
      credentialOrigin: "PILOT_PHASE_1",
      missingSections: [],
      reviewerCount: 2,
      submittedAssessmentCount: 2,
      reviewerExpertise: [["ACADEMIC"], ["CLINICAL"]],
      rationale: "Meets every criterion.",
      conditions: ["Add a supervision agreement template."],
    },
    [
      ["edit", ["EXPERT", "CENTRE_STAFF"], ["DRAFT"], SAME],
      ["submit", ["EXPERT", "CENTRE_STAFF"], ["DRAFT"], "SUBMITTED"],
      ["recall", ["EXPERT"], ["SUBMITTED"], "DRAFT"],
      ["startReview", STAFF, ["SUBMITTED"], "IN_REVIEW"],
      ["endorse", STAFF, ["IN_REVIEW"], "ENDORSED"],
      ["endorseWithConditions", STAFF, ["IN_REVIEW"], "ENDORSED"],
      ["requestChanges", STAFF, ["IN_REVIEW"], "CHANGES_REQUESTED"],
      ["decline", STAFF, ["IN_REVIEW"], "DECLINED"],
      ["reopenOnAppeal", STAFF, ["DECLINED"], "IN_REVIEW"],
      ["supersede", STAFF_SYSTEM, ["ENDORSED"], "SUPERSEDED"],
    ],
  ),
  EndorsementReview: spec(
    machines.EndorsementReview,
    ["OPEN", "DECIDED"],
    {
      submittedAssessmentCount: 2,
      reviewerExpertise: [["ACADEMIC", "CLINICAL"]],
      rationale: "Meets every criterion.",
      appeal: {
        versionStatus: "DECLINED",
        organisationId: ORG.expert,
        deadline: new Date(Date.now() + 86_400_000),
        appealed: false,
        now: new Date(),
      },
    },
    [
      ["assignReviewers", STAFF, ["OPEN"], SAME],
      ["decide", STAFF, ["OPEN"], "DECIDED"],
      ["appeal", ["EXPERT"], ["DECIDED"], SAME],
      ["reopen", STAFF, ["DECIDED"], "OPEN"],
    ],
  ),
  CriteriaSet: spec(machines.CriteriaSet, ["DRAFT", "PUBLISHED"], { ratableCount: 4, effectiveFrom: "2030-01-01", today: "2029-12-31" }, [
    ["edit", STAFF, ["DRAFT"], SAME],
    ["publish", STAFF, ["DRAFT"], "PUBLISHED"],
  ]),
  ReviewerAssignment: spec(
    machines.ReviewerAssignment,
    ["ASSIGNED", "SUBMITTED", "WITHDRAWN"],
    {
      assigneeId: reviewer.id,
      subjectOrganisationIds: [ORG.expert],
      unratedCriteria: [],
      recommendation: "ENDORSE",
      reason: "Declared a conflict of interest.",
    },
    [
      ["saveDraft", ["REVIEWER"], ["ASSIGNED"], SAME],
      ["submitAssessment", ["REVIEWER"], ["ASSIGNED"], "SUBMITTED"],
      ["withdraw", STAFF, ["ASSIGNED"], "WITHDRAWN"],
    ],
  ),
  EndorsementCondition: spec(machines.EndorsementCondition, ["OPEN", "MET"], { note: "Template received." }, [
    ["setDueDate", STAFF, ["OPEN"], SAME],
    ["markMet", STAFF, ["OPEN"], "MET"],
    ["reopen", STAFF, ["MET"], "OPEN"],
  ]),
  DeliveryPlan: spec(
    machines.DeliveryPlan,
    ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "SUSPENDED", "CLOSED"],
    {
      organisationId: ORG.provider,
      credentialStatus: "ENDORSED",
      unmappedOutcomes: [],
      missingDetails: [],
      rationale: "Sound plan.",
      conditions: ["Name a supervision lead."],
      reason,
    },
    [
      ["edit", ["PROVIDER"], ["DRAFT", "CHANGES_REQUESTED"], SAME],
      ["submit", ["PROVIDER"], ["DRAFT", "CHANGES_REQUESTED"], "SUBMITTED"],
      ["startReview", STAFF, ["SUBMITTED"], "IN_REVIEW"],
      ["requestChanges", STAFF, ["IN_REVIEW"], "CHANGES_REQUESTED"],
      ["approve", STAFF, ["IN_REVIEW"], "APPROVED"],
      ["approveWithConditions", STAFF, ["IN_REVIEW"], "APPROVED_WITH_CONDITIONS"],
      ["reject", STAFF, ["IN_REVIEW"], "REJECTED"],
      ["suspend", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], "SUSPENDED"],
      ["reinstate", STAFF, ["SUSPENDED"], "APPROVED"],
      ["reinstateWithConditions", STAFF, ["SUSPENDED"], "APPROVED_WITH_CONDITIONS"],
      ["close", ["CENTRE_STAFF", "PROVIDER"], ["APPROVED", "APPROVED_WITH_CONDITIONS", "SUSPENDED"], "CLOSED"],
      ["scheduleQualityReview", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], SAME],
      ["openAnnualReturn", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], SAME],
      ["recordCompletion", ["PROVIDER"], ["APPROVED", "APPROVED_WITH_CONDITIONS", "CLOSED"], SAME],
      ["reportImpact", ["PROVIDER"], ["APPROVED", "APPROVED_WITH_CONDITIONS", "SUSPENDED", "CLOSED"], SAME],
      ["reportChange", ["PROVIDER"], ["APPROVED", "APPROVED_WITH_CONDITIONS"], SAME],
      ["reviewChange", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], "IN_REVIEW"],
      ["adoptVersion", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], SAME],
      ["placeUnderEnhancedMonitoring", STAFF, ["APPROVED", "APPROVED_WITH_CONDITIONS"], SAME],
    ],
    { reinstateWithConditions: { approvedWithConditions: true } },
  ),
  AnnualReturn: spec(machines.AnnualReturn, ["OPEN", "SUBMITTED", "QUERIED", "ACCEPTED"], { organisationId: ORG.provider, reason }, [
    ["submit", ["PROVIDER"], ["OPEN", "QUERIED"], "SUBMITTED"],
    ["query", STAFF, ["SUBMITTED"], "QUERIED"],
    ["accept", STAFF, ["SUBMITTED"], "ACCEPTED"],
  ]),
  QualityReview: spec(
    machines.QualityReview,
    ["PLANNED", "IN_PROGRESS", "REPORTED", "CLOSED"],
    {
      providerOrganisationId: ORG.provider,
      reviewerIds: [reviewer.id],
      findingCount: 3,
      outcome: "MEETS_STANDARDS",
      planStatus: "APPROVED",
    },
    [
      ["start", ["CENTRE_STAFF", "REVIEWER"], ["PLANNED"], "IN_PROGRESS"],
      ["recordFinding", ["CENTRE_STAFF", "REVIEWER"], ["IN_PROGRESS"], SAME],
      ["raiseAction", ["CENTRE_STAFF", "REVIEWER"], ["IN_PROGRESS"], SAME],
      ["report", ["REVIEWER"], ["IN_PROGRESS"], "REPORTED"],
      ["close", STAFF, ["REPORTED"], "CLOSED"],
      ["suspendPlan", STAFF, ["CLOSED"], SAME],
    ],
    { suspendPlan: { outcome: "DOES_NOT_MEET" } },
  ),
  QualityAction: spec(
    machines.QualityAction,
    ["OPEN", "RESPONDED", "CLOSED"],
    { organisationId: ORG.provider, reviewerIds: [reviewer.id], response: "Supervisors now trained.", reason },
    [
      ["respond", ["PROVIDER"], ["OPEN"], "RESPONDED"],
      ["close", ["REVIEWER", "CENTRE_STAFF"], ["RESPONDED"], "CLOSED"],
      ["reopen", ["REVIEWER", "CENTRE_STAFF"], ["RESPONDED"], "OPEN"],
    ],
  ),
  PeriodicReview: spec(
    machines.PeriodicReview,
    ["SCHEDULED", "IN_PROGRESS", "CONCLUDED"],
    { incompleteChecks: [], outcome: "REAFFIRMED", rationale: "Still current." },
    [
      ["start", STAFF, ["SCHEDULED"], "IN_PROGRESS"],
      ["recordCheck", STAFF, ["IN_PROGRESS"], SAME],
      ["conclude", STAFF, ["IN_PROGRESS"], "CONCLUDED"],
    ],
  ),
  ImpactReturn: spec(machines.ImpactReturn, ["DRAFT", "SUBMITTED", "QUERIED", "ACCEPTED"], { organisationId: ORG.provider, reason }, [
    ["edit", ["PROVIDER"], ["DRAFT", "QUERIED"], SAME],
    ["submit", ["PROVIDER"], ["DRAFT", "QUERIED"], "SUBMITTED"],
    ["query", STAFF, ["SUBMITTED"], "QUERIED"],
    ["accept", STAFF, ["SUBMITTED"], "ACCEPTED"],
  ]),
  Completion: spec(machines.Completion, ["RECORDED", "RECOGNISED", "REVOKED"], { reason }, [
    ["recognise", STAFF, ["RECORDED"], "RECOGNISED"],
    ["revoke", STAFF, ["RECORDED", "RECOGNISED"], "REVOKED"],
  ]),
  Comment: spec(machines.Comment, ["OPEN", "RESOLVED"], {}, [
    ["resolve", ["CENTRE_STAFF", "REVIEWER", "EXPERT"], ["OPEN"], "RESOLVED"],
    ["reopen", ["CENTRE_STAFF", "REVIEWER", "EXPERT"], ["RESOLVED"], "OPEN"],
  ]),
  GatewayProposal: spec(
    machines.GatewayProposal,
    ["DRAFT", "SUBMITTED", "UNDER_ASSESSMENT", "MORE_INFORMATION_REQUESTED", "ACCEPTED", "DECLINED"],
    { unanswered: 0, unassessed: 0, reason },
    [
      ["edit", ["EXPERT", "PROVIDER"], ["DRAFT", "MORE_INFORMATION_REQUESTED"], SAME],
      ["submit", ["EXPERT", "PROVIDER"], ["DRAFT", "MORE_INFORMATION_REQUESTED"], "SUBMITTED"],
      ["assess", STAFF, ["SUBMITTED", "UNDER_ASSESSMENT"], "UNDER_ASSESSMENT"],
      ["requestMoreInformation", STAFF, ["UNDER_ASSESSMENT"], "MORE_INFORMATION_REQUESTED"],
      ["accept", STAFF, ["UNDER_ASSESSMENT"], "ACCEPTED"],
      ["decline", STAFF, ["UNDER_ASSESSMENT"], "DECLINED"],
    ],
  ),
  PlanChange: spec(
    machines.PlanChange,
    ["REPORTED", "MORE_INFORMATION_REQUESTED", "NOTED", "APPROVED", "REJECTED", "PLAN_REVIEW_REQUIRED"],
    { organisationId: ORG.provider, kind: "MAJOR", reason },
    [
      ["note", STAFF, ["REPORTED"], "NOTED"],
      ["requestInformation", STAFF, ["REPORTED"], "MORE_INFORMATION_REQUESTED"],
      ["answer", ["PROVIDER"], ["MORE_INFORMATION_REQUESTED"], "REPORTED"],
      ["approve", STAFF, ["REPORTED"], "APPROVED"],
      ["reject", STAFF, ["REPORTED"], "REJECTED"],
      ["requireReview", STAFF, ["REPORTED"], "PLAN_REVIEW_REQUIRED"],
    ],
    { note: { kind: "MINOR" } },
  ),
  PanelMeeting: spec(
    machines.PanelMeeting,
    ["SCHEDULED", "HELD", "CLOSED", "CANCELLED"],
    {
      quorum: 2,
      attendanceRecorded: true,
      attendedCount: 2,
      meetingDayReached: true,
      itemCount: 1,
      unrecommendedCount: 0,
      minutes: "Minutes.",
      reason,
    },
    [
      ["addToAgenda", STAFF, ["SCHEDULED"], SAME],
      ["recordAttendance", STAFF, ["SCHEDULED"], SAME],
      ["hold", STAFF, ["SCHEDULED"], "HELD"],
      ["close", STAFF, ["HELD"], "CLOSED"],
      ["cancel", STAFF, ["SCHEDULED"], "CANCELLED"],
    ],
    {
      addToAgenda: { attendanceRecorded: false },
      cancel: { unrecommendedCount: 1 },
      recordAttendance: { unrecommendedCount: 1 },
    },
  ),
  PanelAgendaItem: spec(
    machines.PanelAgendaItem,
    ["ON_AGENDA", "RECOMMENDED", "DECIDED", "WITHDRAWN"],
    { meetingStatus: "SCHEDULED", quorum: 2, attendanceRecorded: true, attendedCount: 2, reviewDecided: true, reason },
    [
      ["recommend", STAFF, ["ON_AGENDA", "RECOMMENDED"], "RECOMMENDED"],
      ["withdraw", STAFF, ["ON_AGENDA"], "WITHDRAWN"],
      ["decide", STAFF, ["RECOMMENDED", "DECIDED"], "DECIDED"],
    ],
    { withdraw: { attendanceRecorded: false } },
  ),
  EndorsementAppeal: spec(machines.EndorsementAppeal, ["LODGED", "UPHELD", "DISMISSED"], { reason }, [
    ["uphold", STAFF, ["LODGED"], "UPHELD"],
    ["dismiss", STAFF, ["LODGED"], "DISMISSED"],
  ]),
  RemappingTask: spec(
    machines.RemappingTask,
    ["OPEN", "SUBMITTED", "RETURNED", "APPROVED", "SUPERSEDED"],
    { organisationId: ORG.provider, unmappedOutcomes: [], planDelivering: true, reason },
    [
      ["save", ["PROVIDER"], ["OPEN", "RETURNED"], SAME],
      ["submit", ["PROVIDER"], ["OPEN", "RETURNED"], "SUBMITTED"],
      ["approve", STAFF, ["SUBMITTED"], "APPROVED"],
      ["return", STAFF, ["SUBMITTED"], "RETURNED"],
      ["supersede", STAFF, ["OPEN", "SUBMITTED", "RETURNED"], "SUPERSEDED"],
    ],
  ),
  PlanRisk: spec(machines.PlanRisk, ["RATED", "OVERRIDDEN"], { overrideLevel: "HIGH", reason }, [
    ["rate", STAFF_SYSTEM, ["RATED", "OVERRIDDEN"], SAME],
    ["override", STAFF, ["RATED", "OVERRIDDEN"], "OVERRIDDEN"],
    ["clearOverride", STAFF, ["OVERRIDDEN"], "RATED"],
  ]),
  EnhancedMonitoring: spec(machines.EnhancedMonitoring, ["ACTIVE", "LIFTED"], { reason }, [
    ["openReport", STAFF_SYSTEM, ["ACTIVE"], SAME],
    ["lift", STAFF, ["ACTIVE"], "LIFTED"],
  ]),
  MonitoringReport: spec(
    machines.MonitoringReport,
    ["OPEN", "SUBMITTED", "QUERIED", "ACCEPTED", "CANCELLED"],
    { organisationId: ORG.provider, narrative: "Two learners withdrew; supervision is now weekly.", reason },
    [
      ["submit", ["PROVIDER"], ["OPEN", "QUERIED"], "SUBMITTED"],
      ["query", STAFF, ["SUBMITTED"], "QUERIED"],
      ["accept", STAFF, ["SUBMITTED"], "ACCEPTED"],
      ["cancel", STAFF, ["OPEN", "SUBMITTED", "QUERIED"], "CANCELLED"],
    ],
  ),
};

function expected(row: Row<string>, role: ActorRole, state: string): string {
  const [, roles, from, to] = row;
  if (!roles.includes(role)) return "NOT_ALLOWED";
  if (!from.includes(state)) return "WRONG_STATE";
  return `→ ${to === SAME ? state : to}`;
}

/** The whole machine as one table: "transition by role from state" → "→ TO" or the refusal code. */
function table(s: Spec, outcome: (row: Row<string>, role: ActorRole, state: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of s.rows)
    for (const role of ALL_ROLES) for (const state of s.states) out[`${row[0]} by ${role} from ${state}`] = outcome(row, role, state);
  return out;
}

describe.each(Object.values(SPECS).map((s) => [s.entity, s] as const))("%s machine", (_, s) => {
  it("has exactly the states and transitions of the brief", () => {
    expect(s.states).toEqual(s.expectedStates);
    expect([...s.transitionNames].sort()).toEqual(s.rows.map((r) => r[0]).sort());
  });

  it("allows each transition to exactly the roles and states of the brief, and refuses the rest with a reason", () => {
    const got = table(s, (row, role, state) => {
      const result = s.run(row[0], state, ACTORS[role]);
      if (result.ok) return `→ ${result.to}`;
      // A refusal the user reads must say something, not just carry a code.
      return result.reason.trim() ? result.code : `${result.code} without a reason`;
    });
    expect(got).toEqual(table(s, expected));
  });

  it("offers as buttons exactly the transitions a role may make in each state", () => {
    const got: Record<string, string[]> = {};
    const want: Record<string, string[]> = {};
    for (const role of ALL_ROLES) {
      for (const state of s.states) {
        got[`${role} in ${state}`] = s.available(state, ACTORS[role]).sort();
        want[`${role} in ${state}`] = s.rows
          .filter((row) => expected(row, role, state).startsWith("→"))
          .map((row) => row[0])
          .sort();
      }
    }
    expect(got).toEqual(want);
  });

  it("refuses an unknown transition", () => {
    expect(s.run("teleport", s.states[0] ?? "", ACTORS.CENTRE_STAFF)).toMatchObject({ ok: false, code: "UNKNOWN_TRANSITION" });
  });
});

describe("gateway proposal guards", () => {
  const proposal = (
    transition: string,
    state: "DRAFT" | "UNDER_ASSESSMENT",
    actor: Actor,
    facts: { unanswered?: number; unassessed?: number; reason?: string },
  ) => check(machines.GatewayProposal, transition, state, { unanswered: 0, unassessed: 0, ...facts, actor });

  it("a proposal cannot be submitted while a gateway criterion has no evidence", () => {
    const result = proposal("submit", "DRAFT", ACTORS.PROVIDER, { unanswered: 1 });
    expect(result).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(result.ok === false && result.reason).toContain("there is 1 without evidence");
  });

  it("staff cannot accept or decline until every criterion is assessed", () => {
    expect(proposal("accept", "UNDER_ASSESSMENT", ACTORS.CENTRE_STAFF, { unassessed: 2 })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
    expect(proposal("decline", "UNDER_ASSESSMENT", ACTORS.CENTRE_STAFF, { unassessed: 2, reason })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
  });

  it("declining needs a reason", () => {
    const result = proposal("decline", "UNDER_ASSESSMENT", ACTORS.CENTRE_STAFF, { reason: " " });
    expect(result.ok === false && result.reason).toBe("Give a reason for declining this proposal.");
  });
});

describe("refusals say why, in words the user can act on", () => {
  it("a provider trying to approve their own plan is told it is not theirs to do", () => {
    const result = SPECS.DeliveryPlan.run("approve", "IN_REVIEW", ACTORS.PROVIDER);
    expect(result).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(result.ok === false && result.reason).toMatch(/not|only|cannot/i);
  });

  it("approving a plan that is still a draft names the state it is in", () => {
    const result = SPECS.DeliveryPlan.run("approve", "DRAFT", ACTORS.CENTRE_STAFF);
    expect(result).toMatchObject({ ok: false, code: "WRONG_STATE" });
    expect(result.ok === false && result.reason.toLowerCase()).toContain("draft");
  });
});
