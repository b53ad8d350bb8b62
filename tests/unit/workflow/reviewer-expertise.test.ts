import { describe, expect, it } from "vitest";
import { describeExpertise, missingExpertise } from "@/lib/workflow";

describe("reviewer expertise", () => {
  it("names what a review's reviewers lack of the academic and clinical expertise it needs; lay expertise is welcome but not required", () => {
    expect(missingExpertise([["SERVICE_USER_OR_LAY"]])).toEqual(["ACADEMIC", "CLINICAL"]);
    expect(missingExpertise([["ACADEMIC"], ["SERVICE_USER_OR_LAY"]])).toEqual(["CLINICAL"]);
    expect(missingExpertise([["ACADEMIC", "CLINICAL"]])).toEqual([]);
  });
  it("reads as a list, with a clinical reviewer's professions", () => {
    expect(describeExpertise(["CLINICAL", "ACADEMIC"], ["Nurse", "Paramedic"])).toBe("Academic; clinical (Nurse, Paramedic)");
    expect(describeExpertise(["SERVICE_USER_OR_LAY"])).toBe("Service user or lay");
    expect(describeExpertise([])).toBe("None recorded");
  });
});
