import "server-only";
import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

// The Centre's Ed25519 key that signs every badge and status list. It comes from BADGE_SIGNING_KEY (a private JWK),
// else from a file in the data folder the embedded PostgreSQL uses (BADGE_SIGNING_KEY_FILE, default
// .data/badge-signing-key.jwk), generated there on first use and reused on every later start, so badges issued
// before a restart still verify. Only the public half ever leaves this module.

export type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK & { kid: string }; kid: string };

export const keyFile = () => process.env.BADGE_SIGNING_KEY_FILE ?? path.join(process.cwd(), ".data", "badge-signing-key.jwk");

function parseJwk(text: string, from: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new Error(`${from} is not a JSON Web Key.`);
  }
  const k = jwk as JWK;
  if (k?.kty !== "OKP" || k.crv !== "Ed25519" || typeof k.x !== "string" || typeof k.d !== "string") {
    throw new Error(`${from} must be an Ed25519 private key as a JWK ({"kty":"OKP","crv":"Ed25519","x":…,"d":…}).`);
  }
  return { kty: k.kty, crv: k.crv, x: k.x, d: k.d };
}

/** The key file's JWK, created when missing. Two processes starting at once agree on one key: link() fails for the second. */
async function fileJwk(file: string): Promise<JWK> {
  try {
    return parseJwk(await readFile(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = await generateKeyPair("Ed25519", { extractable: true });
  const { kty, crv, x, d } = await exportJWK(privateKey);
  await mkdir(path.dirname(file), { recursive: true });
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, JSON.stringify({ kty, crv, x, d }), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(draft);
  }
  return parseJwk(await readFile(file, "utf8"), file);
}

async function load(): Promise<SigningKey> {
  const fromEnv = process.env.BADGE_SIGNING_KEY;
  const jwk = fromEnv ? parseJwk(fromEnv, "BADGE_SIGNING_KEY") : await fileJwk(keyFile());
  const publicOnly: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicOnly);
  const [privateKey, publicKey] = await Promise.all([importJWK(jwk, "EdDSA"), importJWK(publicOnly, "EdDSA")]);
  return {
    privateKey: privateKey as CryptoKey,
    publicKey: publicKey as CryptoKey,
    publicJwk: { ...publicOnly, kid, alg: "EdDSA", use: "sig" },
    kid,
  };
}

let loaded: Promise<SigningKey> | undefined;

/** The signing key, loaded once per process (a failed load is retried on the next call). */
export function signingKey(): Promise<SigningKey> {
  loaded ??= load().catch((error) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
