import { describe, expect, it } from "vitest";
import {
  availableTransitions,
  check,
  machines,
  takesCurrencyChecks,
  type Actor,
  type CommissionContext,
  type DeliveryPlanContext,
  type QualityActionContext,
  type QualityReviewContext,
  type SpecificationVersionContext,
} from "@/lib/workflow";
import { ORG, expert, otherExpert, otherProvider, otherReviewer, provider, reviewer, staff } from "./fixtures";

function refusedBecause(result: { ok: boolean; reason?: string }, reason: string | RegExp) {
  expect(result).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  if (typeof reason === "string") expect(result.reason).toBe(reason);
  else expect(result.reason).toMatch(reason);
}

describe("check: order and wording of refusals", () => {
  const commission: CommissionContext = { organisationId: ORG.expert, priorityStatus: "PUBLISHED", gatewayOutcome: "PASSED" };

  it("names the roles that may act when the role is wrong", () => {
    expect(check(machines.Commission, "issue", "DRAFT", { ...commission, actor: expert })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
      reason: "Only Centre staff can issue a commission.",
    });
    expect(check(machines.Commission, "complete", "ACCEPTED", { ...commission, actor: provider })).toMatchObject({
      reason: "Only Centre staff or the scheduler can complete a commission.",
    });
  });

  it("checks the role before the state", () => {
    expect(check(machines.Commission, "issue", "CANCELLED", { ...commission, actor: expert })).toMatchObject({ code: "NOT_ALLOWED" });
  });

  it("says which state the entity is in when the state is wrong", () => {
    const ctx: SpecificationVersionContext = {
      organisationId: ORG.expert,
      credentialOrigin: "COMMISSIONED",
      missingSections: [],
      reviewerCount: 0,
      submittedAssessmentCount: 0,
    };
    expect(check(machines.SpecificationVersion, "submit", "SUBMITTED", { ...ctx, actor: expert })).toEqual({
      ok: false,
      code: "WRONG_STATE",
      reason: "This specification version is Submitted, so it cannot be submitted.",
    });
  });

  it("checks facts before input, so the deeper problem is reported first", () => {
    const ctx: SpecificationVersionContext = {
      organisationId: ORG.expert,
      credentialOrigin: "COMMISSIONED",
      missingSections: [],
      reviewerCount: 2,
      submittedAssessmentCount: 1,
    };
    refusedBecause(
      check(machines.SpecificationVersion, "endorse", "IN_REVIEW", { ...ctx, actor: staff }),
      "A decision needs at least 2 submitted reviewer assessments; there is 1.",
    );
  });

  it("shows a button whose only missing piece is user input, but refuses the action without it", () => {
    const ctx = { ...commission, actor: expert };
    expect(availableTransitions(machines.Commission, "ISSUED", ctx).map((t) => t.name)).toContain("decline");
    refusedBecause(check(machines.Commission, "decline", "ISSUED", ctx), "Give a reason for declining this commission.");
    refusedBecause(
      check(machines.Commission, "decline", "ISSUED", { ...ctx, reason: "   " }),
      "Give a reason for declining this commission.",
    );
  });
});

describe("priority guards", () => {
  const ok = { roundStatus: "OPEN", hasRequiredFields: true } as const;
  it("cannot be published while its round is not open", () => {
    refusedBecause(
      check(machines.Priority, "publish", "DRAFT", { ...ok, roundStatus: "DRAFT", actor: staff }),
      "Priorities can only be published while their round is open; this round is Draft.",
    );
    refusedBecause(check(machines.Priority, "publish", "DRAFT", { ...ok, roundStatus: "CLOSED", actor: staff }), /this round is Closed/);
  });
  it("cannot be published with required fields missing", () => {
    refusedBecause(check(machines.Priority, "publish", "DRAFT", { ...ok, hasRequiredFields: false, actor: staff }), /required field/);
  });
  it("needs a reason to close", () => {
    refusedBecause(check(machines.Priority, "close", "PUBLISHED", { ...ok, actor: staff }), "Give a reason for closing this priority.");
  });
  it("ranking is for staff, names itself in refusals, and needs neither an open round nor complete fields", () => {
    refusedBecause(
      check(machines.Priority, "rank", "PUBLISHED", { ...ok, roundStatus: "CLOSED", actor: staff }),
      "This priority round is Closed, so its priorities cannot be reordered.",
    );
    expect(check(machines.Priority, "rank", "DRAFT", { ...ok, actor: expert })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
      reason: "Only Centre staff can reorder priorities.",
    });
    expect(check(machines.Priority, "rank", "CLOSED", { ...ok, actor: staff })).toEqual({
      ok: false,
      code: "WRONG_STATE",
      reason: "This priority is Closed, so it cannot be reordered.",
    });
    const incomplete = { roundStatus: "DRAFT", hasRequiredFields: false, actor: staff } as const;
    expect(check(machines.Priority, "rank", "DRAFT", incomplete)).toMatchObject({ ok: true, to: "DRAFT" });
    expect(check(machines.Priority, "rank", "PUBLISHED", incomplete)).toMatchObject({ ok: true, to: "PUBLISHED" });
  });
});

describe("commission guards", () => {
  const ok: CommissionContext = { organisationId: ORG.expert, priorityStatus: "PUBLISHED", gatewayOutcome: "PASSED" };
  it("cannot be issued before the gateway is passed", () => {
    refusedBecause(
      check(machines.Commission, "issue", "DRAFT", { ...ok, gatewayOutcome: "NOT_ASSESSED", actor: staff }),
      "Only a priority that has passed the gateway can be commissioned; its gateway outcome is Not assessed.",
    );
    refusedBecause(check(machines.Commission, "issue", "DRAFT", { ...ok, gatewayOutcome: "FAILED", actor: staff }), /outcome is Failed/);
  });
  it("cannot be issued for an unpublished priority", () => {
    refusedBecause(
      check(machines.Commission, "issue", "DRAFT", { ...ok, priorityStatus: "DRAFT", actor: staff }),
      "A commission can only be issued for a published priority; this priority is Draft.",
    );
  });
  it("an expert of another organisation cannot accept or decline it", () => {
    refusedBecause(check(machines.Commission, "accept", "ISSUED", { ...ok, actor: otherExpert }), /belongs to another organisation/);
    refusedBecause(check(machines.Commission, "decline", "ISSUED", { ...ok, reason: "Busy", actor: otherExpert }), /another organisation/);
  });
  it("an expert with no organisation cannot accept it", () => {
    const loneExpert: Actor = { ...expert, organisationId: null };
    refusedBecause(check(machines.Commission, "accept", "ISSUED", { ...ok, actor: loneExpert }), /another organisation/);
  });
  it("needs a reason to cancel", () => {
    refusedBecause(check(machines.Commission, "cancel", "ACCEPTED", { ...ok, actor: staff }), /reason for cancelling/);
  });
});

describe("credential guards", () => {
  it("cannot be published twice", () => {
    refusedBecause(
      check(machines.Credential, "publish", "ENDORSED", { publishedAt: new Date("2025-01-01"), actor: staff }),
      "This credential has already been published in the catalogue.",
    );
  });
  it("needs a reason to withdraw", () => {
    refusedBecause(check(machines.Credential, "withdraw", "ENDORSED", { publishedAt: null, actor: staff }), /reason for withdrawing/);
  });

  const now = new Date("2026-12-02T09:00:00Z");
  const publish = (openConditions?: { text: string; dueOn: Date | null }[]) =>
    check(machines.Credential, "publish", "ENDORSED", { publishedAt: null, openConditions, now, actor: staff });
  it("is not published while a condition of endorsement without a later due date is open", () => {
    refusedBecause(
      publish([{ text: "Add an EDI statement", dueOn: null }]),
      "Mark its open condition of endorsement as met before publishing it: “Add an EDI statement”.",
    );
    refusedBecause(
      publish([
        { text: "Due today", dueOn: new Date("2026-12-02") },
        { text: "Overdue", dueOn: new Date("2026-11-01") },
      ]),
      "Mark its 2 open conditions of endorsement as met before publishing it: “Due today” and “Overdue”.",
    );
  });
  it("is published with every condition met, or open only where it is due after launch", () => {
    expect(publish([])).toMatchObject({ ok: true });
    expect(publish([{ text: "Report on the first cohort", dueOn: new Date("2027-09-30") }])).toMatchObject({ ok: true });
  });
  it("is not published when its conditions were not looked at", () => {
    refusedBecause(publish(undefined), /conditions of endorsement have not been checked/);
  });
});

describe("specification version guards", () => {
  const ok: SpecificationVersionContext = {
    organisationId: ORG.expert,
    credentialOrigin: "COMMISSIONED",
    missingSections: [],
    reviewerCount: 2,
    submittedAssessmentCount: 2,
    reviewerExpertise: [["ACADEMIC"], ["CLINICAL", "SERVICE_USER_OR_LAY"]],
    rationale: "Meets the criteria.",
    conditions: [],
  };
  const run = (name: string, state: "DRAFT" | "SUBMITTED" | "IN_REVIEW", ctx: Partial<SpecificationVersionContext>, actor: Actor) =>
    check(machines.SpecificationVersion, name, state, { ...ok, ...ctx, actor });

  it("an expert of another organisation cannot edit, submit or recall it", () => {
    refusedBecause(run("edit", "DRAFT", {}, otherExpert), /belongs to another organisation/);
    refusedBecause(run("submit", "DRAFT", {}, otherExpert), /belongs to another organisation/);
    refusedBecause(run("recall", "SUBMITTED", {}, otherExpert), /belongs to another organisation/);
  });
  it("staff may write only a pilot phase 1 specification", () => {
    refusedBecause(run("edit", "DRAFT", {}, staff), /only edit the specification of a pilot phase 1 credential/);
    refusedBecause(run("submit", "DRAFT", { credentialOrigin: "PILOT_PHASE_2" }, staff), /only submit/);
    expect(run("submit", "DRAFT", { credentialOrigin: "PILOT_PHASE_1" }, staff)).toMatchObject({ ok: true, to: "SUBMITTED" });
  });
  it("an incomplete specification lists its missing sections", () => {
    refusedBecause(
      run("submit", "DRAFT", { missingSections: ["Purpose and scope", "Credits", "Evidence base"] }, expert),
      "Complete these sections before submitting: Purpose and scope, Credits and Evidence base.",
    );
  });
  it("review cannot start with fewer than 2 reviewers", () => {
    refusedBecause(
      run("startReview", "SUBMITTED", { reviewerCount: 1 }, staff),
      "Assign at least 2 reviewers before starting the review; there is 1.",
    );
    refusedBecause(run("startReview", "SUBMITTED", { reviewerCount: 0 }, staff), /there are 0/);
  });
  it.each(["endorse", "endorseWithConditions", "requestChanges", "decline"])("%s needs 2 submitted assessments and a rationale", (name) => {
    refusedBecause(
      run(name, "IN_REVIEW", { submittedAssessmentCount: 1, conditions: ["c"] }, staff),
      /at least 2 submitted reviewer assessments; there is 1/,
    );
    refusedBecause(run(name, "IN_REVIEW", { rationale: " ", conditions: ["c"] }, staff), "Give the rationale for this decision.");
  });
  it.each(["endorse", "endorseWithConditions", "requestChanges", "decline"])(
    "%s waits for an academic and a clinical reviewer, and says which is missing",
    (name) => {
      const conditions = ["c"];
      refusedBecause(
        run(name, "IN_REVIEW", { reviewerExpertise: [["CLINICAL"], ["SERVICE_USER_OR_LAY"]], conditions }, staff),
        "This review has no reviewer with academic expertise. It needs at least one academic and one clinical reviewer before it can be decided.",
      );
      refusedBecause(
        run(name, "IN_REVIEW", { reviewerExpertise: [["ACADEMIC"], []], conditions }, staff),
        /no reviewer with clinical expertise/,
      );
      refusedBecause(
        run(name, "IN_REVIEW", { reviewerExpertise: [[], []], conditions }, staff),
        /no reviewer with academic or clinical expertise/,
      );
      refusedBecause(run(name, "IN_REVIEW", { reviewerExpertise: undefined, conditions }, staff), /academic or clinical/);
      expect(run(name, "IN_REVIEW", { reviewerExpertise: [["ACADEMIC", "CLINICAL"]], conditions }, staff)).toMatchObject({ ok: true });
    },
  );
  it("endorsing with conditions needs at least one condition", () => {
    refusedBecause(
      run("endorseWithConditions", "IN_REVIEW", { conditions: [] }, staff),
      "Add at least one condition to endorse with conditions.",
    );
    refusedBecause(run("endorseWithConditions", "IN_REVIEW", { conditions: ["  "] }, staff), /at least one condition/);
    expect(run("endorse", "IN_REVIEW", { conditions: [] }, staff)).toMatchObject({ ok: true, to: "ENDORSED" });
  });
  it("decision buttons stay hidden until 2 assessments are in", () => {
    const names = (count: number) =>
      availableTransitions(machines.SpecificationVersion, "IN_REVIEW", { ...ok, submittedAssessmentCount: count, actor: staff }).map(
        (t) => t.name,
      );
    expect(names(1)).toEqual([]);
    expect(names(2).sort()).toEqual(["decline", "endorse", "endorseWithConditions", "requestChanges"]);
  });
});

describe("endorsement review guards", () => {
  type Ctx = { submittedAssessmentCount?: number; rationale?: string | null; reviewerExpertise?: ("ACADEMIC" | "CLINICAL")[][] };
  const both = [["ACADEMIC"], ["CLINICAL"]] as const;
  const run = (name: string, state: "OPEN" | "DECIDED", ctx: Ctx) =>
    check(machines.EndorsementReview, name, state, {
      submittedAssessmentCount: 2,
      reviewerExpertise: both,
      rationale: "Meets the criteria.",
      ...ctx,
      actor: staff,
    });

  it("a review is decided only once 2 assessments are in, and with a rationale", () => {
    refusedBecause(run("decide", "OPEN", { submittedAssessmentCount: 1 }), /at least 2 submitted reviewer assessments; there is 1/);
    refusedBecause(run("decide", "OPEN", { rationale: "  " }), "Give the rationale for this decision.");
    expect(run("decide", "OPEN", {})).toMatchObject({ ok: true, to: "DECIDED" });
  });
  it("a review without a clinical reviewer cannot be decided, whatever the assessments say", () => {
    refusedBecause(run("decide", "OPEN", { reviewerExpertise: [["ACADEMIC"], ["ACADEMIC"]] }), /no reviewer with clinical expertise/);
  });
  it("a decided review can be neither decided again nor given more reviewers", () => {
    expect(run("decide", "DECIDED", {})).toMatchObject({ ok: false, code: "WRONG_STATE", reason: expect.stringMatching(/is Decided/) });
    expect(run("assignReviewers", "DECIDED", {})).toMatchObject({ ok: false, code: "WRONG_STATE" });
  });
  it("the decision is offered to staff only once enough assessments are in; reviewers may still be added before", () => {
    const names = (count: number) =>
      availableTransitions(machines.EndorsementReview, "OPEN", {
        submittedAssessmentCount: count,
        reviewerExpertise: both,
        actor: staff,
      }).map((t) => t.name);
    expect(names(1)).toEqual(["assignReviewers"]);
    expect(names(2)).toEqual(["assignReviewers", "decide"]);
  });
});

describe("reviewer assignment guards", () => {
  const ok = { assigneeId: reviewer.id, subjectOrganisationIds: [ORG.expert], unratedCriteria: [], recommendation: "ENDORSE" } as const;
  it("only the assigned reviewer can submit the assessment", () => {
    refusedBecause(
      check(machines.ReviewerAssignment, "submitAssessment", "ASSIGNED", { ...ok, actor: otherReviewer }),
      "You are not an assigned reviewer for this specification.",
    );
  });
  it("a reviewer from the subject organisation has a conflict of interest", () => {
    const conflicted: Actor = { ...reviewer, organisationId: ORG.expert };
    refusedBecause(
      check(machines.ReviewerAssignment, "submitAssessment", "ASSIGNED", { ...ok, actor: conflicted }),
      /conflict of interest/,
    );
  });
  it("only the assigned reviewer, free of conflict, can save a draft; a draft need not be complete", () => {
    refusedBecause(
      check(machines.ReviewerAssignment, "saveDraft", "ASSIGNED", { ...ok, actor: otherReviewer }),
      "You are not an assigned reviewer for this specification.",
    );
    const conflicted: Actor = { ...reviewer, organisationId: ORG.expert };
    refusedBecause(check(machines.ReviewerAssignment, "saveDraft", "ASSIGNED", { ...ok, actor: conflicted }), /conflict of interest/);
    const incomplete = { ...ok, unratedCriteria: ["4.1"], recommendation: null, actor: reviewer };
    expect(check(machines.ReviewerAssignment, "saveDraft", "ASSIGNED", incomplete)).toMatchObject({ ok: true, to: "ASSIGNED" });
    expect(check(machines.ReviewerAssignment, "saveDraft", "SUBMITTED", { ...ok, actor: reviewer })).toMatchObject({ code: "WRONG_STATE" });
  });
  it("every criterion must be rated and a recommendation given", () => {
    refusedBecause(
      check(machines.ReviewerAssignment, "submitAssessment", "ASSIGNED", { ...ok, unratedCriteria: ["4.1", "7"], actor: reviewer }),
      "Rate every criterion before submitting; not yet rated: 4.1 and 7.",
    );
    refusedBecause(
      check(machines.ReviewerAssignment, "submitAssessment", "ASSIGNED", { ...ok, recommendation: null, actor: reviewer }),
      /recommendation/,
    );
  });
});

describe("endorsement condition guards", () => {
  it("needs a note to be marked met", () => {
    refusedBecause(
      check(machines.EndorsementCondition, "markMet", "OPEN", { actor: staff }),
      "Add a note saying how the condition was met.",
    );
  });
});

describe("delivery plan guards", () => {
  const ok: DeliveryPlanContext = {
    organisationId: ORG.provider,
    credentialStatus: "ENDORSED",
    unmappedOutcomes: [],
    missingDetails: [],
    rationale: "Fine.",
    conditions: ["c"],
    reason: "r",
  };
  const run = (
    name: string,
    state: "DRAFT" | "IN_REVIEW" | "APPROVED" | "SUSPENDED" | "CLOSED",
    ctx: Partial<DeliveryPlanContext>,
    actor: Actor,
  ) => check(machines.DeliveryPlan, name, state, { ...ok, ...ctx, actor });

  it("a provider cannot edit, submit, close, record completions on or report the impact of another provider’s plan", () => {
    refusedBecause(run("edit", "DRAFT", {}, otherProvider), /belongs to another organisation/);
    refusedBecause(run("submit", "DRAFT", {}, otherProvider), /belongs to another organisation/);
    refusedBecause(run("close", "APPROVED", {}, otherProvider), /belongs to another organisation/);
    refusedBecause(run("recordCompletion", "APPROVED", {}, otherProvider), /belongs to another organisation/);
    refusedBecause(run("reportImpact", "CLOSED", {}, otherProvider), /belongs to another organisation/);
    expect(run("close", "APPROVED", {}, staff)).toMatchObject({ ok: true, to: "CLOSED" });
  });
  it("closes only with a reason", () => {
    refusedBecause(run("close", "APPROVED", { reason: " " }, staff), "Give a reason for closing this delivery plan.");
  });
  it("cannot be submitted against a withdrawn or undeveloped credential", () => {
    refusedBecause(
      run("submit", "DRAFT", { credentialStatus: "WITHDRAWN" }, provider),
      "No new delivery plans can start against a withdrawn credential.",
    );
    refusedBecause(run("submit", "DRAFT", { credentialStatus: "IN_DEVELOPMENT" }, provider), /this credential is In development/);
  });
  it("can be submitted while the credential is under periodic review or being revised", () => {
    expect(run("submit", "DRAFT", { credentialStatus: "UNDER_PERIODIC_REVIEW" }, provider)).toMatchObject({ ok: true });
    expect(run("submit", "DRAFT", { credentialStatus: "REVISION_REQUIRED" }, provider)).toMatchObject({ ok: true });
  });
  it("every learning outcome must be mapped before submitting", () => {
    refusedBecause(run("submit", "DRAFT", { unmappedOutcomes: ["LO2", "LO5"] }, provider), /not yet mapped: LO2 and LO5\.$/);
  });
  it("every plan detail must be filled in before submitting, listed in the refusal", () => {
    refusedBecause(
      run("submit", "DRAFT", { missingDetails: ["the award", "the cohort size"] }, provider),
      "Complete the plan before submitting it; still missing: the award and the cohort size.",
    );
    refusedBecause(
      check(machines.DeliveryPlan, "submit", "CHANGES_REQUESTED", { ...ok, missingDetails: ["the start date"], actor: provider }),
      "Complete the plan before submitting it; still missing: the start date.",
    );
    // Unmapped outcomes are reported first; missing details do not hide the Edit button or block other transitions.
    refusedBecause(
      run("submit", "DRAFT", { unmappedOutcomes: ["LO1"], missingDetails: ["the award"] }, provider),
      /not yet mapped: LO1\.$/,
    );
    const names = availableTransitions(machines.DeliveryPlan, "DRAFT", { ...ok, missingDetails: ["the award"], actor: provider }).map(
      (t) => t.name,
    );
    expect(names).toEqual(["edit"]);
    expect(run("approve", "IN_REVIEW", { missingDetails: ["the award"] }, staff)).toMatchObject({ ok: true, to: "APPROVED" });
  });
  it("cannot be approved or reinstated once the credential is withdrawn", () => {
    refusedBecause(run("approve", "IN_REVIEW", { credentialStatus: "WITHDRAWN" }, staff), /withdrawn credential/);
    refusedBecause(run("approveWithConditions", "IN_REVIEW", { credentialStatus: "WITHDRAWN" }, staff), /withdrawn credential/);
    refusedBecause(run("reinstate", "SUSPENDED", { credentialStatus: "WITHDRAWN" }, staff), /withdrawn credential/);
  });
  it("a suspended plan goes back to the approval it had: with its conditions only if it had them", () => {
    refusedBecause(run("reinstate", "SUSPENDED", { approvedWithConditions: true }, staff), /approved with conditions/);
    refusedBecause(run("reinstateWithConditions", "SUSPENDED", { approvedWithConditions: false }, staff), /without conditions/);
    expect(run("reinstateWithConditions", "SUSPENDED", { approvedWithConditions: true }, staff)).toMatchObject({
      ok: true,
      to: "APPROVED_WITH_CONDITIONS",
    });
  });
  it("decisions need a rationale, conditions where approved with conditions, and a reason to suspend", () => {
    refusedBecause(run("reject", "IN_REVIEW", { rationale: null }, staff), "Give the rationale for this decision.");
    refusedBecause(run("requestChanges", "IN_REVIEW", { rationale: "" }, staff), "Give the rationale for this decision.");
    refusedBecause(
      run("approveWithConditions", "IN_REVIEW", { conditions: [] }, staff),
      "Add at least one condition to approve with conditions.",
    );
    refusedBecause(run("suspend", "APPROVED", { reason: null }, staff), "Give a reason for suspending this delivery plan.");
  });
});

describe("annual and impact return guards", () => {
  it("a provider cannot submit another provider’s return", () => {
    refusedBecause(
      check(machines.AnnualReturn, "submit", "OPEN", { organisationId: ORG.provider, actor: otherProvider }),
      /another organisation/,
    );
    refusedBecause(
      check(machines.ImpactReturn, "submit", "DRAFT", { organisationId: ORG.provider, actor: otherProvider }),
      /another organisation/,
    );
    refusedBecause(
      check(machines.ImpactReturn, "edit", "QUERIED", { organisationId: ORG.provider, actor: otherProvider }),
      /another organisation/,
    );
  });
  it("a query needs a reason", () => {
    refusedBecause(
      check(machines.AnnualReturn, "query", "SUBMITTED", { organisationId: ORG.provider, actor: staff }),
      /reason for querying this annual return/,
    );
    refusedBecause(
      check(machines.ImpactReturn, "query", "SUBMITTED", { organisationId: ORG.provider, actor: staff }),
      /reason for querying this impact return/,
    );
  });
});

describe("quality review and action guards", () => {
  const review: QualityReviewContext = {
    providerOrganisationId: ORG.provider,
    reviewerIds: [reviewer.id],
    findingCount: 1,
    planStatus: "APPROVED",
  };
  it("a closed review suspends its plan only if it did not meet the standards and the plan is delivering", () => {
    const failed = { ...review, outcome: "DOES_NOT_MEET", actor: staff } as const;
    expect(check(machines.QualityReview, "suspendPlan", "CLOSED", failed)).toMatchObject({ ok: true, to: "CLOSED" });
    refusedBecause(
      check(machines.QualityReview, "suspendPlan", "CLOSED", { ...failed, outcome: "REQUIRES_IMPROVEMENT" }),
      /only after a closed review whose outcome is Does not meet standards/,
    );
    refusedBecause(
      check(machines.QualityReview, "suspendPlan", "CLOSED", { ...failed, planStatus: "SUSPENDED" }),
      "This delivery plan is Suspended, so it cannot be suspended.",
    );
    expect(check(machines.QualityReview, "suspendPlan", "REPORTED", failed)).toMatchObject({ code: "WRONG_STATE" });
  });
  it("an unassigned reviewer cannot start or report the review", () => {
    refusedBecause(
      check(machines.QualityReview, "start", "PLANNED", { ...review, actor: otherReviewer }),
      "You are not an assigned reviewer for this quality review.",
    );
    refusedBecause(check(machines.QualityReview, "report", "IN_PROGRESS", { ...review, actor: otherReviewer }), /not an assigned reviewer/);
  });
  it("staff can start a review without being assigned", () => {
    expect(check(machines.QualityReview, "start", "PLANNED", { ...review, reviewerIds: [], actor: staff })).toMatchObject({ ok: true });
  });
  it("a reviewer from the provider under review has a conflict of interest", () => {
    const conflicted: Actor = { ...reviewer, organisationId: ORG.provider };
    refusedBecause(check(machines.QualityReview, "report", "IN_PROGRESS", { ...review, actor: conflicted }), /conflict of interest/);
  });
  it.each(["recordFinding", "raiseAction"] as const)("%s is for staff and assigned reviewers without a conflict of interest", (name) => {
    refusedBecause(
      check(machines.QualityReview, name, "IN_PROGRESS", { ...review, actor: otherReviewer }),
      "You are not an assigned reviewer for this quality review.",
    );
    const conflicted: Actor = { ...reviewer, organisationId: ORG.provider };
    refusedBecause(
      check(machines.QualityReview, name, "IN_PROGRESS", { ...review, reviewerIds: [conflicted.id], actor: conflicted }),
      /conflict of interest/,
    );
    expect(check(machines.QualityReview, name, "IN_PROGRESS", { ...review, actor: reviewer })).toMatchObject({
      ok: true,
      to: "IN_PROGRESS",
    });
    expect(check(machines.QualityReview, name, "IN_PROGRESS", { ...review, reviewerIds: [], actor: staff })).toMatchObject({
      ok: true,
      to: "IN_PROGRESS",
    });
    // Findings may be recorded before there are any, so a review with none still shows the recording forms.
    expect(check(machines.QualityReview, name, "IN_PROGRESS", { ...review, findingCount: 0, actor: reviewer })).toMatchObject({ ok: true });
  });
  it("findings and actions are refused in words that name them", () => {
    expect(check(machines.QualityReview, "recordFinding", "IN_PROGRESS", { ...review, actor: provider })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
      reason: "Only Centre staff or reviewers can record findings.",
    });
    expect(check(machines.QualityReview, "raiseAction", "IN_PROGRESS", { ...review, actor: provider })).toMatchObject({
      code: "NOT_ALLOWED",
      reason: "Only Centre staff or reviewers can raise actions.",
    });
    expect(check(machines.QualityReview, "recordFinding", "REPORTED", { ...review, actor: reviewer })).toMatchObject({
      code: "WRONG_STATE",
    });
    expect(check(machines.QualityReview, "raiseAction", "PLANNED", { ...review, actor: staff })).toMatchObject({ code: "WRONG_STATE" });
  });
  it("an unassigned reviewer sees no recording forms; an assigned one does", () => {
    const names = (actor: Actor) =>
      availableTransitions(machines.QualityReview, "IN_PROGRESS", { ...review, actor })
        .map((t) => t.name)
        .sort();
    expect(names(otherReviewer)).toEqual([]);
    expect(names(reviewer)).toEqual(["raiseAction", "recordFinding", "report"]);
  });
  it("a report needs a finding and closing needs an outcome", () => {
    refusedBecause(
      check(machines.QualityReview, "report", "IN_PROGRESS", { ...review, findingCount: 0, actor: reviewer }),
      /at least one finding/,
    );
    refusedBecause(check(machines.QualityReview, "close", "REPORTED", { ...review, outcome: null, actor: staff }), /outcome/);
  });

  const action: QualityActionContext = {
    organisationId: ORG.provider,
    reviewerIds: [reviewer.id],
    response: "Done.",
    reason: "Not enough.",
  };
  it("only the owning provider responds, and a response is required", () => {
    refusedBecause(check(machines.QualityAction, "respond", "OPEN", { ...action, actor: otherProvider }), /another organisation/);
    refusedBecause(
      check(machines.QualityAction, "respond", "OPEN", { ...action, response: "", actor: provider }),
      "Write your response to the action.",
    );
  });
  it("only an assigned reviewer closes or reopens it, and reopening needs a reason", () => {
    refusedBecause(check(machines.QualityAction, "close", "RESPONDED", { ...action, actor: otherReviewer }), /not an assigned reviewer/);
    refusedBecause(check(machines.QualityAction, "reopen", "RESPONDED", { ...action, actor: otherReviewer }), /not an assigned reviewer/);
    refusedBecause(
      check(machines.QualityAction, "reopen", "RESPONDED", { ...action, reason: null, actor: reviewer }),
      "Give a reason for reopening this action.",
    );
  });
});

describe("periodic review guards", () => {
  const ok = { incompleteChecks: [], outcome: "REAFFIRMED", rationale: "Still current." } as const;
  it("cannot conclude until every currency check is recorded", () => {
    refusedBecause(
      check(machines.PeriodicReview, "conclude", "IN_PROGRESS", {
        ...ok,
        incompleteChecks: ["Evidence base", "New models of care"],
        actor: staff,
      }),
      "Record every currency check before concluding; still to do: Evidence base and New models of care.",
    );
  });
  it("records checks only while in progress: a scheduled review is started first, a concluded one is closed to them", () => {
    expect(check(machines.PeriodicReview, "recordCheck", "SCHEDULED", { ...ok, actor: staff })).toMatchObject({ code: "WRONG_STATE" });
    expect(check(machines.PeriodicReview, "recordCheck", "CONCLUDED", { ...ok, actor: staff })).toEqual({
      ok: false,
      code: "WRONG_STATE",
      reason: "This periodic review is Concluded, so it cannot be changed.",
    });
    expect(availableTransitions(machines.PeriodicReview, "SCHEDULED", { ...ok, actor: staff }).map((t) => t.name)).toEqual(["start"]);
  });
  it("staff may record a check in a scheduled or running review, never in a concluded one, and no one else may", () => {
    expect([takesCurrencyChecks("SCHEDULED", staff), takesCurrencyChecks("IN_PROGRESS", staff)]).toEqual([true, true]);
    expect(takesCurrencyChecks("CONCLUDED", staff)).toBe(false);
    expect(takesCurrencyChecks("IN_PROGRESS", reviewer)).toBe(false);
  });
  it("needs an outcome and a rationale", () => {
    refusedBecause(
      check(machines.PeriodicReview, "conclude", "IN_PROGRESS", { ...ok, outcome: null, actor: staff }),
      "Choose the outcome of the periodic review.",
    );
    refusedBecause(
      check(machines.PeriodicReview, "conclude", "IN_PROGRESS", { ...ok, rationale: "", actor: staff }),
      "Give the rationale for the outcome.",
    );
  });
});

describe("completion guards", () => {
  it("needs a reason to revoke", () => {
    refusedBecause(check(machines.Completion, "revoke", "RECOGNISED", { actor: staff }), "Give a reason for revoking this completion.");
  });
});
