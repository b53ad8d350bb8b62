import { describe, expect, it } from "vitest";
import { bannerFor, transitionBanner } from "@/lib/done";
import { annualReturnMachine, deliveryPlanMachine } from "@/lib/workflow";

describe("success banners", () => {
  it("names what a transition did in the machine's own words, with what happens next", () => {
    expect(transitionBanner(annualReturnMachine, "accept", { accept: "The provider has been notified." })).toEqual({
      heading: "Annual return accepted",
      body: "The provider has been notified.",
    });
    expect(transitionBanner(deliveryPlanMachine, "approveWithConditions")).toEqual({
      heading: "Delivery plan approved with conditions",
      body: undefined,
    });
  });

  it("shows nothing for a key that is no transition, or an object's built-in property", () => {
    for (const raw of ["nonsense", "__proto__", "constructor", ["accept"], undefined])
      expect(transitionBanner(annualReturnMachine, raw, { accept: "x" }), String(raw)).toBeUndefined();
    expect(transitionBanner(annualReturnMachine, "submit", {}), "next steps are looked up as own keys").toEqual({
      heading: "Annual return submitted",
      body: undefined,
    });
  });

  it("finds a page's own banner only under its own keys", () => {
    const DONE = { created: "Organisation added", opened: { heading: "Opened", body: "Now complete it." } };
    expect(bannerFor(DONE, "created")).toEqual({ heading: "Organisation added" });
    expect(bannerFor(DONE, "opened")).toEqual({ heading: "Opened", body: "Now complete it." });
    for (const raw of ["__proto__", "constructor", "toString", "hasOwnProperty", ["created"], undefined])
      expect(bannerFor(DONE, raw), String(raw)).toBeUndefined();
  });
});
