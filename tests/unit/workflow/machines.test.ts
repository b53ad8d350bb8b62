import { describe, expect, it } from "vitest";
import { ENTITY_NAMES, UNCHANGED, machines } from "@/lib/workflow";

// The shape every machine must have, whatever its rules.

const all = ENTITY_NAMES.map((name) => [name, machines[name]] as const);

describe("machine tables", () => {
  it("covers every entity of the lifecycle", () => {
    expect([...ENTITY_NAMES].sort()).toEqual(
      [
        "PriorityRound",
        "Priority",
        "Commission",
        "Credential",
        "SpecificationVersion",
        "EndorsementReview",
        "ReviewerAssignment",
        "EndorsementCondition",
        "DeliveryPlan",
        "AnnualReturn",
        "QualityReview",
        "QualityAction",
        "PeriodicReview",
        "ImpactReturn",
        "Completion",
        "Comment",
        "CriteriaSet",
        "GatewayProposal",
        "PlanChange",
        "PanelMeeting",
        "PanelAgendaItem",
        "EndorsementAppeal",
        "RemappingTask",
        "PlanRisk",
        "EnhancedMonitoring",
        "MonitoringReport",
      ].sort(),
    );
  });

  it("changes content without changing status only through these transitions", () => {
    // Hand-written: a transition wrongly made (or no longer) content-only fails here, not only in the state tables.
    const contentOnly = all.flatMap(([name, machine]) =>
      machine.transitions.filter((t) => t.to === UNCHANGED).map((t) => `${name}.${t.name}`),
    );
    expect(contentOnly.sort()).toEqual(
      [
        "CriteriaSet.edit",
        "PriorityRound.addPriority",
        "Priority.edit",
        "ReviewerAssignment.saveDraft",
        "PeriodicReview.recordCheck",
        "Priority.rank",
        "SpecificationVersion.edit",
        "EndorsementReview.appeal",
        "EndorsementReview.assignReviewers",
        "EndorsementCondition.setDueDate",
        "DeliveryPlan.edit",
        "DeliveryPlan.scheduleQualityReview",
        "DeliveryPlan.openAnnualReturn",
        "DeliveryPlan.recordCompletion",
        "DeliveryPlan.reportImpact",
        "DeliveryPlan.reportChange",
        "DeliveryPlan.adoptVersion",
        "RemappingTask.save",
        "DeliveryPlan.placeUnderEnhancedMonitoring",
        "PlanRisk.rate",
        "EnhancedMonitoring.openReport",
        "QualityReview.recordFinding",
        "QualityReview.raiseAction",
        "QualityReview.suspendPlan",
        "ImpactReturn.edit",
        "PanelMeeting.addToAgenda",
        "PanelMeeting.recordAttendance",
        "GatewayProposal.edit",
      ].sort(),
    );
  });

  it.each(all)("%s is keyed by its own entity name", (name, machine) => {
    expect(machine.entity).toBe(name);
  });

  it.each(all)("%s has SCREAMING_CASE states, each with a plain-English label", (_, machine) => {
    expect(machine.states).toContain(machine.initial);
    expect(new Set(machine.states).size).toBe(machine.states.length);
    const labels: Record<string, string> = machine.labels;
    expect(Object.keys(labels).sort()).toEqual([...machine.states].sort());
    for (const state of machine.states) {
      expect(state).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
      expect(labels[state]).toMatch(/^[A-Z][a-z]/);
    }
  });

  it.each(all)("%s has uniquely named transitions between its own states, with wording", (_, machine) => {
    const states: readonly string[] = machine.states;
    const names = machine.transitions.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of machine.transitions) {
      expect(t.name).toMatch(/^[a-z][A-Za-z]*$/);
      expect(t.from.length).toBeGreaterThan(0);
      expect(t.roles.length).toBeGreaterThan(0);
      for (const from of t.from) expect(states).toContain(from);
      if (t.to !== UNCHANGED) expect(states).toContain(t.to);
      expect(t.label).toMatch(/^[A-Z]/);
      expect(t.verb).toMatch(/^[a-z]/);
      expect(t.participle).toMatch(/^[a-z]/);
    }
  });

  it.each(all)("%s can reach every state from its initial state", (_, machine) => {
    const reached = new Set<string>([machine.initial]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of machine.transitions) {
        if (t.to !== UNCHANGED && !reached.has(t.to) && t.from.some((s) => reached.has(s))) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...machine.states].sort());
  });
});
