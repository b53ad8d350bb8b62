import "server-only";
import { calculateJwkThumbprint, importJWK, type CryptoKey, type JWK } from "jose";
import { defaultKeyFile, ensureKeyFile, parseJwk } from "@/lib/badges/key-file";

// The Centre's Ed25519 key that signs every badge and status list. It comes from BADGE_SIGNING_KEY (a private JWK),
// else from a file in the data folder the embedded PostgreSQL uses (BADGE_SIGNING_KEY_FILE, default
// .data/badge-signing-key.jwk), which `npm start` generates on the first start (or the app on first use) and every
// later start reuses, so badges issued before a restart still verify. Only the public half ever leaves this module.

export type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK & { kid: string }; kid: string };

async function load(): Promise<SigningKey> {
  const fromEnv = process.env.BADGE_SIGNING_KEY;
  const file = process.env.BADGE_SIGNING_KEY_FILE ?? defaultKeyFile(process.cwd());
  const jwk = fromEnv ? parseJwk(fromEnv, "BADGE_SIGNING_KEY") : await ensureKeyFile(file);
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
