import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureKeyFile } from "@/lib/badges/key-file";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "badge-key-"));

describe("the badge signing key file", () => {
  it("is generated once: processes starting together all get the same key, and no draft is left behind", async () => {
    const dir = freshDir();
    const file = path.join(dir, "data", "badge-signing-key.jwk");
    const keys = await Promise.all(Array.from({ length: 5 }, () => ensureKeyFile(file)));
    expect(new Set(keys.map((k) => k.x)).size).toBe(1);
    expect(keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", d: expect.any(String) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(["badge-signing-key.jwk"]);
    expect((await ensureKeyFile(file)).x).toBe(keys[0].x);
  });

  it("refuses a file that is not an Ed25519 private key, saying what it must be", async () => {
    const file = path.join(freshDir(), "key.jwk");
    writeFileSync(file, JSON.stringify({ kty: "OKP", crv: "Ed25519", x: "abc" }));
    await expect(ensureKeyFile(file)).rejects.toThrow(/must be an Ed25519 private key/);
    writeFileSync(file, "not json");
    await expect(ensureKeyFile(file)).rejects.toThrow(/is not a JSON Web Key/);
  });
});
