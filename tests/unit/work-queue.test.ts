import { describe, expect, it } from "vitest";
import { singular } from "@/components/dashboards/WorkQueue";

describe("dashboard card labels for a count of one", () => {
  it.each([
    ["draft priorities to publish", "draft priority to publish"],
    ["quality actions overdue", "quality action overdue"],
    ["quality-action responses to check", "quality-action response to check"],
    ["commissions awaiting your response", "commission awaiting your response"],
    ["assessments due within 7 days", "assessment due within 7 days"],
    ["periodic reviews open", "periodic review open"],
  ])("%s → %s", (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});
