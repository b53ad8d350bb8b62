import { describe, expect, it } from "vitest";
import { navigationFor, PAGE_PURPOSE } from "@/lib/navigation";

describe("navigation", () => {
  it("explains on the help page every page any role's navigation offers, admins' included", () => {
    for (const role of ["CENTRE_STAFF", "EXPERT", "PROVIDER", "REVIEWER"] as const) {
      for (const link of navigationFor(role, true)) expect(PAGE_PURPOSE[link.href], `${role} ${link.href}`).toMatch(/\w+\./);
    }
  });

  it("offers the admin pages to Centre admins only", () => {
    expect(navigationFor("CENTRE_STAFF", true).map((l) => l.href)).toContain("/admin");
    expect(navigationFor("CENTRE_STAFF").map((l) => l.href)).not.toContain("/admin");
  });
});
