import { describe, expect, it } from "vitest";
import { checkFigures } from "@/lib/validation/annual-return-figures";

const row = (starts?: number, continuing?: number, completions?: number, withdrawals?: number, professionId = "physio") => ({
  professionId,
  starts,
  continuing,
  completions,
  withdrawals,
});

describe("checking an annual return's figures", () => {
  it("keeps complete rows and skips wholly blank ones", () => {
    const { figures, errors } = checkFigures([row(5, 3, 1, 1), row(undefined, undefined, undefined, undefined, "nursing")], new Map());
    expect(errors).toEqual({});
    expect(figures).toEqual([{ professionId: "physio", starts: 5, continuing: 3, completions: 1, withdrawals: 1 }]);
  });

  it("counts last year's continuing learners among those a year had", () => {
    expect(checkFigures([row(0, 2, 3, 1)], new Map([["physio", 6]])).errors).toEqual({});
    expect(checkFigures([row(0, 2, 3, 2)], new Map([["physio", 6]])).errors).toHaveProperty(["figures.0.completions"]);
    expect(checkFigures([row(0, 2, 3, 1)], new Map()).errors).toHaveProperty(["figures.0.completions"]);
  });

  it("names each missing figure of a half-filled row, and refuses a profession given twice", () => {
    expect(Object.keys(checkFigures([row(5, undefined, 1)], new Map()).errors).sort()).toEqual([
      "figures.0.continuing",
      "figures.0.withdrawals",
    ]);
    expect(checkFigures([row(1, 1, 0, 0), row(1, 1, 0, 0)], new Map()).errors).toEqual({
      "figures.1.starts": ["Give each profession's figures once"],
    });
  });
});
