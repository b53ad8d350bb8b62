import { describe, expect, it } from "vitest";
import { enumParam, routeId, routeNumber, routeReference, searchText } from "@/lib/params";

describe("URL input", () => {
  it("takes a record id and refuses NUL, slashes, repeats and oversize ids", () => {
    expect(routeId("cm3x9k2l80000abcd1234efgh")).toBe("cm3x9k2l80000abcd1234efgh");
    expect(routeId("0b7e6c1e-5d0a-4e53-9c3e-1f2a3b4c5d6e")).toBe("0b7e6c1e-5d0a-4e53-9c3e-1f2a3b4c5d6e");
    for (const raw of ["\u0000", "a\u0000", "", "../etc", "a b", ["a", "b"], undefined, "x".repeat(65)])
      expect(routeId(raw), String(raw)).toBeUndefined();
  });

  it("takes a version number only as a positive whole number that fits int4", () => {
    expect(routeNumber("1")).toBe(1);
    expect(routeNumber("2147483647")).toBe(2_147_483_647);
    for (const raw of ["3000000000", "2147483648", "0", "-1", "1.5", "01", "1e3", " 1", "", undefined])
      expect(routeNumber(raw), String(raw)).toBeUndefined();
  });

  it("takes a credential reference", () => {
    expect(routeReference("APC-0001")).toBe("APC-0001");
    expect(routeReference("APC-0001\u0000")).toBeUndefined();
  });

  it("takes one of a fixed set of values, and not a repeated param", () => {
    expect(enumParam(["COMMISSIONED", "PILOT_PHASE_1"], "COMMISSIONED")).toBe("COMMISSIONED");
    expect(enumParam(["COMMISSIONED"], ["COMMISSIONED"])).toBeUndefined();
    expect(enumParam(["COMMISSIONED"], "__proto__")).toBeUndefined();
  });

  it("keeps search text usable and refuses what cannot be searched for", () => {
    expect(searchText(undefined)).toBe("");
    expect(searchText("  frailty ")).toBe("frailty");
    expect(searchText("x".repeat(500))).toHaveLength(200);
    expect(searchText("\u0000")).toBeUndefined();
    expect(searchText(["a", "b"])).toBeUndefined();
  });
});
