import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/security/callback-url";

describe("safeCallbackUrl", () => {
  it("follows a path on this app, with its query and fragment", () => {
    expect(safeCallbackUrl("/priorities?gateway=PASSED")).toBe("/priorities?gateway=PASSED");
    expect(safeCallbackUrl("/credentials/abc/review#decision")).toBe("/credentials/abc/review#decision");
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it("sends every attempt to leave the app to the dashboard", () => {
    const attacks = [
      "/\\evil.example/phish", // browsers read a backslash as a slash: //evil.example
      "\\\\evil.example",
      "/\t/evil.example", // browsers drop tabs and newlines from URLs
      "/\n/evil.example",
      "/\r\n/evil.example",
      "//evil.example",
      "///evil.example",
      "https://evil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /dashboard",
      "/\u0000/evil.example",
      "/\u2028/evil.example",
      "",
    ];
    for (const value of attacks) expect(safeCallbackUrl(value), JSON.stringify(value)).toBe("/dashboard");
  });

  it("keeps encoded characters as a path on this app", () => {
    // Still a path here: the server never decodes %2F or %5C into a new host.
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackUrl("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("uses the fallback for anything that is not a short string", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl(["/priorities"])).toBe("/dashboard");
    expect(safeCallbackUrl(`/${"a".repeat(3000)}`)).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.example", "/catalogue")).toBe("/catalogue");
  });
});
