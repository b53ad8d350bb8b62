import { describe, expect, it } from "vitest";
import { impactFieldLabels } from "@/components/impact/ImpactReturnFields";

describe("the impact return form's labels", () => {
  it("name every field an error summary can point to, the free-text answers included", () => {
    const labels = impactFieldLabels();
    for (const field of ["period", "enrolled", "completed", "withdrawn", "deployed", "employerFeedback", "patientBenefit"]) {
      expect(labels[field], field).toMatch(/\w/);
    }
    expect(labels.employerFeedback).toBe("Employer feedback");
    expect(labels.patientBenefit).toBe("Benefit to patients");
  });
});
