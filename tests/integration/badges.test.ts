import { createPublicKey, verify } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyBadge } from "@/app/(public)/badges/verify/actions";
import { signingKey } from "@/lib/badges/key";
import { setBitsOf } from "@/lib/badges/status-list";
import { verifyBadgeJwt } from "@/lib/badges/verify";
import { badge, signedBadge, signedStatusList } from "@/lib/data/badges";
import { recogniseCompletion, recordCompletion, revokeCompletion } from "@/lib/data/completions";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";

// The public check counts requests per client address, which a test has no request for.
vi.mock("@/lib/security/client-address", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  clientAddress: async () => "192.0.2.10",
}));

// The signed badges and their status list, checked without the library that signs them: the signature with Node's
// own Ed25519 verify over the JWS signing input, the status list by decoding its bits.

const keyFile = path.join(tmpdir(), `badge-key-${process.pid}-${Date.now()}.jwk`);
const savedEnv = { APP_URL: process.env.APP_URL, BADGE_SIGNING_KEY_FILE: process.env.BADGE_SIGNING_KEY_FILE };

beforeAll(() => {
  process.env.APP_URL = "https://apc.example";
  process.env.BADGE_SIGNING_KEY_FILE = keyFile;
});
afterAll(() => Object.assign(process.env, savedEnv));

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let plan: Awaited<ReturnType<typeof plans.plan>>;

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  plan = await plans.plan(await plans.endorsedCredential("ENDORSED", 2), c.providerOrg.id, "APPROVED");
});

const professionId = async () => (await make.profession("Nursing", "NMC")).id;

/** Records and recognises a completion; returns its badge id and its signed badge. */
async function issued(name: string) {
  const { id } = await recordCompletion(c.provider, {
    planId: plan.id,
    practitionerName: name,
    professionId: await professionId(),
    registration: "12A3456E",
    completedOn: "2026-06-30",
  });
  const { badgeId } = await recogniseCompletion(c.staff, { id, version: 1 });
  return { id, badgeId, jwt: await signedBadge((await badge(badgeId))!) };
}

const b64json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/** Ed25519 verification of a compact JWS by Node's crypto, against the key the issuer publishes as a JWK. */
async function independentlyVerified(jwt: string) {
  const [header, payload, signature] = jwt.split(".");
  const { publicJwk } = await signingKey();
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicJwk.x }, format: "jwk" });
  return verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
}

/** The JWT with one character of its payload changed. */
function tampered(jwt: string) {
  const [header, payload, signature] = jwt.split(".");
  const at = Math.floor(payload.length / 2);
  const changed = payload[at] === "A" ? "B" : "A";
  return [header, payload.slice(0, at) + changed + payload.slice(at + 1), signature].join(".");
}

describe("the signing key", () => {
  it("is generated once into the data folder's key file, readable by its owner only, and is the key the JWKS publishes", async () => {
    const { publicJwk, kid } = await signingKey();
    const stored = JSON.parse(readFileSync(keyFile, "utf8"));
    expect(stored).toMatchObject({ kty: "OKP", crv: "Ed25519", x: publicJwk.x });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(publicJwk).not.toHaveProperty("d");
    expect((await signingKey()).kid).toBe(kid);
  });
});

describe("a signed badge", () => {
  it("is an OpenBadgeCredential VC-JWT signed with EdDSA, verified by Node's own Ed25519 against the published key", async () => {
    const { badgeId, jwt } = await issued("Grace Mensah");
    expect(await independentlyVerified(jwt)).toBe(true);
    const [header, payload] = jwt.split(".").map((p, i) => (i < 2 ? b64json(p) : p));
    expect(header).toMatchObject({ alg: "EdDSA", kid: (await signingKey()).kid });
    expect(payload).toMatchObject({
      iss: "https://apc.example/badges/issuer",
      jti: `https://apc.example/badges/${badgeId}/credential`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "https://apc.example/badges/issuer" },
      credentialStatus: {
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListCredential: "https://apc.example/badges/status/0",
      },
    });
  });

  it("names its recipient only by a salted hash that a verifier who knows the name can recompute", async () => {
    const { jwt } = await issued("Grace Mensah");
    const payload = b64json(jwt.split(".")[1]);
    const [name] = payload.credentialSubject.identifier;
    expect(name).toMatchObject({
      type: "IdentityObject",
      identityType: "name",
      hashed: true,
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const { createHash } = await import("node:crypto");
    expect(name.identityHash).toBe(`sha256$${createHash("sha256").update(`Grace Mensah${name.salt}`).digest("hex")}`);
    expect(jwt.split(".")[1]).not.toContain(Buffer.from("Grace").toString("base64url"));
    expect(JSON.stringify(payload)).not.toMatch(/Grace|12A3456E/);
  });

  it("verifies as valid; with one byte of its payload changed it is tampered with, and Node's verify agrees", async () => {
    const { jwt } = await issued("Grace Mensah");
    expect((await verifyBadgeJwt(jwt)).state).toBe("valid");
    const changed = tampered(jwt);
    expect(await independentlyVerified(changed)).toBe(false);
    expect((await verifyBadgeJwt(changed)).state).toBe("tampered");
  });

  it("hostile input gets a plain verdict, never an exception", async () => {
    const { jwt } = await issued("Grace Mensah");
    const [header, payload] = jwt.split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    const verdicts = await Promise.all(
      [
        "",
        "   ",
        "not a jwt",
        "a.b.c",
        `${header}.${payload}`,
        none,
        "x".repeat(30_000),
        `${header}.${payload}.${"A".repeat(86)}`,
        "\u0000.\u0000.\u0000",
      ].map(verifyBadgeJwt),
    );
    expect(verdicts.map((v) => v.state)).toEqual([
      "unreadable",
      "unreadable",
      "unreadable",
      "tampered",
      "unreadable",
      "unreadable",
      "unreadable",
      "tampered",
      "unreadable",
    ]);
  });
});

describe("revocation through the status list", () => {
  it("revoking a completion flips exactly its bit in the signed status list, and its badge then verifies as revoked", async () => {
    const badges = [await issued("Grace Mensah"), await issued("Tomasz Nowak"), await issued("Amara Okafor")];
    const listBits = async () => setBitsOf(b64json((await signedStatusList(0)).split(".")[1]).credentialSubject.encodedList);
    expect(await listBits()).toEqual([]);
    const revoked = badges[1];
    await revokeCompletion(c.staff, { id: revoked.id, version: 2, reason: "Recorded against the wrong practitioner" });
    const { statusListIndex } = await testDb().completion.findUniqueOrThrow({ where: { id: revoked.id } });
    expect(await listBits()).toEqual([statusListIndex]);
    expect((await verifyBadgeJwt(revoked.jwt)).state).toBe("revoked");
    expect((await verifyBadgeJwt(badges[0].jwt)).state).toBe("valid");
    expect((await verifyBadgeJwt(badges[2].jwt)).state).toBe("valid");
  });

  it("the status list is itself signed by the Centre's key", async () => {
    expect(await independentlyVerified(await signedStatusList(0))).toBe(true);
    expect(b64json((await signedStatusList(0)).split(".")[1])).toMatchObject({
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      credentialSubject: { type: "BitstringStatusList", statusPurpose: "revocation", encodedList: expect.stringMatching(/^u/) },
    });
  });
});

describe("the verify form", () => {
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };

  it("checks an uploaded badge file as it checks pasted text, and says what the badge is for", async () => {
    const { jwt } = await issued("Grace Mensah");
    const result = await verifyBadge(null, form({ jwt: "", file: new File([jwt], "badge.jwt", { type: "application/vc+jwt" }) }));
    expect(result).toMatchObject({
      state: "valid",
      summary: { achievement: expect.stringContaining("APC-"), issuer: expect.stringContaining("Centre") },
    });
    expect((await verifyBadge(null, form({ jwt: tampered(jwt) }))).state).toBe("tampered");
  });

  it("refuses a file far larger than a badge with a message, without reading it as one", async () => {
    const result = await verifyBadge(null, form({ file: new File(["x".repeat(50_000)], "big.jwt") }));
    expect(result).toEqual({ state: "unreadable", reason: expect.stringContaining("too long to be a signed badge") });
  });
});
