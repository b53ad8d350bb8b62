// Route handlers sit outside the (app) layout's sign-in check, so each one that is not public checks the session
// itself. Every app/**/route.ts must be listed here, as public (with the reason) or as checked below.
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { GET as badgeGet } from "@/app/(public)/badges/[badgeId]/credential/route";
import { GET as badgeJwtGet } from "@/app/(public)/badges/[badgeId]/jwt/route";
import { GET as jwksGet } from "@/app/(public)/badges/issuer/jwks/route";
import { GET as statusListGet } from "@/app/(public)/badges/status/[list]/route";
import { GET as catalogueExportGet } from "@/app/(public)/catalogue/[reference]/export/route";
import { GET as catalogueCsvGet } from "@/app/(public)/catalogue/export.csv/route";
import { GET as impactExportGet } from "@/app/(app)/impact/export/[table]/route";
import { IMPACT_TABLES } from "@/lib/data/impact-export";
import * as make from "../support/factory";
import { credential, impactReturn, plan } from "../support/quality-factory";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  currentUser: async () => session.user,
}));

// Outside a Next server there is no data cache: cached reads run straight through.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  unstable_cache: <F>(fn: F) => fn,
}));

const APP = path.resolve(import.meta.dirname, "../../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.relative(APP, path.join(dir, e.name))] : [],
  );
}

const PUBLIC: Record<string, string> = {
  "(public)/badges/[badgeId]/credential/route.ts": "a digital badge must be verifiable by anyone",
  "(public)/badges/[badgeId]/jwt/route.ts": "the signed badge, for its holder to keep and anyone to check",
  "(public)/badges/issuer/route.ts": "the badges' issuer profile",
  "(public)/badges/issuer/jwks/route.ts": "the public key that checks the badges' signatures",
  "(public)/badges/status/[list]/route.ts": "the revocation status list every verifier reads",
  "(public)/catalogue/[reference]/export/route.ts": "the catalogue's open data",
  "(public)/catalogue/export.csv/route.ts": "the whole catalogue as open data",
  "(public)/catalogue/export.jsonld/route.ts": "the whole catalogue as linked open data",
};
const CHECKED = ["(app)/impact/export/[table]/route.ts"];

let people: Record<"staff" | "provider" | "otherProvider" | "expert" | "reviewer", SessionUser>;
let providerName: string;

beforeAll(async () => {
  const providerOrg = await make.organisation("EDUCATION_PROVIDER");
  const group = await make.organisation("EXPERT_GROUP");
  const staff = await make.sessionUser("CENTRE_STAFF", (await make.organisation("CENTRE")).id);
  people = {
    staff,
    provider: await make.sessionUser("PROVIDER", providerOrg.id),
    otherProvider: await make.sessionUser("PROVIDER", (await make.organisation("EDUCATION_PROVIDER")).id),
    expert: await make.sessionUser("EXPERT", group.id),
    reviewer: await make.sessionUser("REVIEWER", (await make.organisation("OTHER")).id),
  };
  providerName = providerOrg.name;
  const p = await plan(await credential(group.id, staff.id), providerOrg.id);
  await impactReturn(p, { period: "2025/26", enrolled: 37, completed: 30, withdrawn: 2, deployed: 21 });
}, 60_000);

async function exportAs(user: SessionUser | null, table: string) {
  session.user = user;
  const response = await impactExportGet(new NextRequest(`http://localhost/impact/export/${table}`), {
    params: Promise.resolve({ table }),
  });
  return { status: response.status, body: await response.text() };
}

describe("route handlers", () => {
  it("every route handler is either public for a stated reason or has its access checked here", () => {
    const unlisted = routeFiles(APP).filter((f) => !(f in PUBLIC) && !CHECKED.includes(f));
    expect(unlisted, "route handlers with no access check in tests/integration/route-handlers.test.ts").toEqual([]);
  });

  it("public routes answer without a session", async () => {
    session.user = null;
    // The per-address budget needs a request's headers; it has its own test (public-budget.test.ts).
    process.env.PUBLIC_REQUESTS_PER_MINUTE = "0";
    expect(
      (await badgeGet(new Request("http://localhost/badges/none/credential"), { params: Promise.resolve({ badgeId: "none" }) })).status,
    ).toBe(404);
    expect(
      (
        await catalogueExportGet(new Request("http://localhost/catalogue/APC-9999/export"), {
          params: Promise.resolve({ reference: "APC-9999" }),
        })
      ).status,
    ).toBe(404);
    expect(
      (await badgeJwtGet(new Request("http://localhost/badges/none/jwt"), { params: Promise.resolve({ badgeId: "none" }) })).status,
    ).toBe(404);
    process.env.BADGE_SIGNING_KEY_FILE = path.join(tmpdir(), `route-key-${process.pid}.jwk`);
    const jwks = await (await jwksGet()).json();
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" })]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const list = (list: string) =>
      statusListGet(new Request(`http://localhost/badges/status/${list}`), { params: Promise.resolve({ list }) });
    expect((await list("0")).headers.get("Content-Type")).toBe("application/vc+jwt");
    // The last list holds the largest index an integer column allows; past it no list can exist.
    expect((await list("16383")).status).toBe(200);
    for (const bad of ["-1", "01", "1e3", "16384", "99999", "99999999", "x"]) expect((await list(bad)).status, bad).toBe(404);
    const csv = await catalogueCsvGet(new NextRequest("http://localhost/catalogue/export.csv"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("X-Total-Rows")).toBe("0");
  }, 30_000);

  it("the impact CSV export needs a session, refuses reviewers and expert groups, and gives a provider only its own figures", async () => {
    for (const table of IMPACT_TABLES) {
      expect((await exportAs(null, table)).status, `${table} without a session`).toBe(401);
      expect((await exportAs(people.reviewer, table)).status, `${table} as a reviewer`).toBe(403);
      expect((await exportAs(people.expert, table)).status, `${table} as an expert`).toBe(403);
    }
    const own = await exportAs(people.provider, "returns");
    expect(own.status).toBe(200);
    expect(own.body).toContain(providerName);
    const other = await exportAs(people.otherProvider, "returns");
    expect(other.status).toBe(200);
    expect(other.body).not.toContain(providerName);
    expect((await exportAs(people.otherProvider, "totals")).body).not.toContain("37");
    expect((await exportAs(people.staff, "totals")).body).toContain("37");
  }, 30_000);
});
