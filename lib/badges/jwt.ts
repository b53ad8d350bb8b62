import "server-only";
import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { signingKey } from "@/lib/badges/key";

// Verifiable Credentials secured as VC-JWT (Open Badges 3.0, section 8.2): the credential is the JWT's payload,
// with the registered claims iss, jti and nbf taken from it, signed with EdDSA (Ed25519) by the Centre's key.

export type Credential = { id: string; issuer: { id: string } | string; validFrom: string } & Record<string, unknown>;

export const BADGE_JWT_TYPE = "JWT";

export async function signCredential(credential: Credential): Promise<string> {
  const key = await signingKey();
  const issuer = typeof credential.issuer === "string" ? credential.issuer : credential.issuer.id;
  return new SignJWT(credential)
    .setProtectedHeader({ alg: "EdDSA", typ: BADGE_JWT_TYPE, kid: key.kid })
    .setIssuer(issuer)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .sign(key.privateKey);
}

/** An Open Badges 3.0 `identityHash`: "sha256$" and the hex SHA-256 of the identity followed by its salt. */
export const identityHash = (identity: string, salt: string) =>
  `sha256$${createHash("sha256")
    .update(identity + salt, "utf8")
    .digest("hex")}`;
