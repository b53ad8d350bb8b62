import { describe, expect, it } from "vitest";
import {
  availableTransitions,
  check,
  kindOf,
  PLAN_CHANGE_CATEGORIES,
  planChangeMachine,
  type Actor,
  type PlanChangeKind,
  type PlanChangeStatus,
} from "@/lib/workflow";
import { ORG, otherProvider, provider, staff } from "./fixtures";

const facts = (kind: PlanChangeKind, reason?: string) => ({ organisationId: ORG.provider, kind, reason });
const run = (transition: string, state: PlanChangeStatus, actor: Actor, kind: PlanChangeKind, reason?: string) =>
  check(planChangeMachine, transition, state, { ...facts(kind, reason), actor });
const offered = (state: PlanChangeStatus, actor: Actor, kind: PlanChangeKind) =>
  availableTransitions(planChangeMachine, state, { ...facts(kind), actor }).map((t) => t.name);

describe("plan change machine", () => {
  it("the category chosen decides the kind: staffing, dates and delivery mode are minor; assessment, outcomes and partners major", () => {
    const kinds = Object.fromEntries(Object.keys(PLAN_CHANGE_CATEGORIES).map((c) => [c, kindOf(c as keyof typeof PLAN_CHANGE_CATEGORIES)]));
    expect(kinds).toEqual({
      STAFFING: "MINOR",
      DATES: "MINOR",
      DELIVERY_MODE: "MINOR",
      ASSESSMENT: "MAJOR",
      LEARNING_OUTCOMES: "MAJOR",
      PARTNER: "MAJOR",
    });
  });

  it("a major change cannot be noted: staff must approve or reject it", () => {
    const noted = run("note", "REPORTED", staff, "MAJOR", "Fine.");
    expect(noted).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(noted.ok === false && noted.reason).toContain("needs the Centre's approval");
    expect(offered("REPORTED", staff, "MAJOR").sort()).toEqual(["approve", "reject", "requestInformation", "requireReview"]);
  });

  it("a minor change is noted, not approved or rejected", () => {
    expect(run("note", "REPORTED", staff, "MINOR", "Thanks.")).toMatchObject({ ok: true, to: "NOTED" });
    expect(run("approve", "REPORTED", staff, "MINOR", "Fine.")).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(run("reject", "REPORTED", staff, "MINOR", "No.")).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(offered("REPORTED", staff, "MINOR").sort()).toEqual(["note", "requestInformation", "requireReview"]);
  });

  it("approving, rejecting and requiring a review need a reason; asking needs a question", () => {
    expect(run("approve", "REPORTED", staff, "MAJOR", " ")).toMatchObject({ reason: "Give a reason for approving this change." });
    expect(run("reject", "REPORTED", staff, "MAJOR")).toMatchObject({ reason: "Give a reason for rejecting this change." });
    expect(run("requireReview", "REPORTED", staff, "MINOR")).toMatchObject({ code: "GUARD_FAILED" });
    expect(run("requestInformation", "REPORTED", staff, "MINOR", "")).toMatchObject({ code: "GUARD_FAILED" });
  });

  it("only the reporting provider answers a question, with an answer, and the change goes back to the Centre", () => {
    expect(run("answer", "MORE_INFORMATION_REQUESTED", provider, "MAJOR", "Here it is.")).toMatchObject({ ok: true, to: "REPORTED" });
    expect(run("answer", "MORE_INFORMATION_REQUESTED", provider, "MAJOR", "")).toMatchObject({ code: "GUARD_FAILED" });
    const other = run("answer", "MORE_INFORMATION_REQUESTED", otherProvider, "MAJOR", "Here it is.");
    expect(other).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(offered("MORE_INFORMATION_REQUESTED", staff, "MAJOR")).toEqual([]);
  });

  it("a decided change is closed to every further triage", () => {
    for (const state of ["NOTED", "APPROVED", "REJECTED", "PLAN_REVIEW_REQUIRED"] as const) {
      expect(offered(state, staff, "MAJOR")).toEqual([]);
      expect(offered(state, provider, "MAJOR")).toEqual([]);
    }
  });
});
