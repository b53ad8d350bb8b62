// Every server action is a public endpoint: a script can call it with any arguments, not only the form its page
// renders (JSON in place of the form, nothing at all). Whatever it is sent, an action answers as it does to an empty
// form — a refusal for the form, a redirect — and never fails with an error, which Next would answer with a 500.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actingUser } from "@/lib/auth/session";
import { resetDb } from "../support/db";
import * as make from "../support/factory";
import * as q from "../support/quality-factory";

vi.mock("@/lib/auth/session", () => ({
  actingUser: vi.fn(),
  requireUser: vi.fn(),
  startSession: vi.fn(),
  endSession: vi.fn(),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {}, has: () => false }),
}));
class Redirected extends Error {
  constructor(readonly url: string) {
    super(url);
  }
}
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

const root = path.resolve(import.meta.dirname, "../..");
function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? actionFiles(path.join(dir, e.name)) : e.name === "actions.ts" ? [path.join(dir, e.name)] : [],
  );
}

const NOT_A_FORM: [string, unknown[]][] = [
  ["no arguments", []],
  ["a string for the form", [null, "id=1"]],
  ["an object for the form", [null, { id: "x", __proto__: { polluted: true } }]],
  ["an array for the form", [null, ["id", "x"]]],
  ["a form in the place of the previous state", [new FormData(), null]],
  ["a form of more fields than any form has", [null, manyFields()]],
];

function manyFields() {
  const form = new FormData();
  for (let i = 0; i <= 2_000; i++) form.append(`field${i}`, "x");
  return form;
}

beforeAll(async () => {
  await resetDb();
  const staff = await make.actor("CENTRE_STAFF", (await make.organisation("CENTRE")).id);
  vi.mocked(actingUser).mockResolvedValue({ ...staff, isAdmin: true } as never);
});

describe("server actions called with something other than their form", () => {
  it("answer without an error, whatever the arguments", async () => {
    const files = actionFiles(path.join(root, "app"));
    expect(files.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let called = 0;
    for (const file of files) {
      const exported: Record<string, unknown> = await import(file);
      for (const [name, action] of Object.entries(exported)) {
        if (typeof action !== "function") continue;
        for (const [what, args] of NOT_A_FORM) {
          called++;
          try {
            const result = await (action as (...a: unknown[]) => Promise<unknown>)(...args);
            if (result && typeof result === "object" && "ok" in result && result.ok === true)
              failures.push(`${path.relative(root, file)} ${name} (${what}): succeeded`);
          } catch (err) {
            if (!(err instanceof Redirected)) failures.push(`${path.relative(root, file)} ${name} (${what}): ${String(err)}`);
          }
        }
      }
    }
    expect(called).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 120_000);
});

describe("where an action goes after a change", () => {
  it("is the saved record's page, whatever a hidden field says", async () => {
    const { closeQualityAction } = await import("@/app/(app)/quality-reviews/actions");
    const c = await q.qualityCast();
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const { action } = await q.findingWithAction(review.id, c.providerOrg.id, c.staff.id, "RESPONDED");
    vi.mocked(actingUser).mockResolvedValue(c.staff as never);
    const form = new FormData();
    for (const [k, v] of Object.entries({ id: action.id, version: String(action.version), reviewId: "a\u0000b" })) form.append(k, v);
    const went = await closeQualityAction(null, form).then(
      () => "no redirect",
      (err: unknown) => (err instanceof Redirected ? err.url : String(err)),
    );
    expect(went).toBe(`/quality-reviews/${review.id}/actions/${action.id}?done=close`);
  });
});
