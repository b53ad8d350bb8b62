import "server-only";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { signingKey } from "@/lib/badges/key";
import { STATUS_LIST_LENGTH, statusBit } from "@/lib/badges/status-list";
import { issuerUrl, statusListUrl } from "@/lib/badges/urls";
import { signedStatusList } from "@/lib/data/badges";

// Verifies a badge someone holds, as any verifier would: the signature against the Centre's published key, then the
// issuer and type, then the badge's bit in the Centre's signed status list. A page shows the verdict in plain words.

export type Verdict =
  | { state: "valid" | "revoked"; credential: Record<string, unknown> }
  | { state: "tampered" | "not-a-badge" | "unreadable"; reason: string };

/** Longest JWT accepted: a badge is about 3 KB; anything far beyond is not one of ours. */
export const MAX_BADGE_JWT_LENGTH = 20_000;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const unreadable = (reason: string): Verdict => ({ state: "unreadable", reason });
const notABadge = (reason: string): Verdict => ({ state: "not-a-badge", reason });

type Status = { type?: unknown; statusPurpose?: unknown; statusListIndex?: unknown; statusListCredential?: unknown };

/** The status list number and bit a badge's `credentialStatus` names, when it names one of the Centre's lists. */
function statusEntry(status: Status | undefined): { list: number; bit: number } | undefined {
  if (!status || status.type !== "BitstringStatusListEntry" || status.statusPurpose !== "revocation") return undefined;
  const index =
    typeof status.statusListIndex === "string" && /^\d{1,9}$/.test(status.statusListIndex) ? Number(status.statusListIndex) : NaN;
  if (!Number.isInteger(index)) return undefined;
  const list = Math.floor(index / STATUS_LIST_LENGTH);
  return status.statusListCredential === statusListUrl(list) ? { list, bit: index % STATUS_LIST_LENGTH } : undefined;
}

async function verifiedPayload(jwt: string) {
  const key = await signingKey();
  return (await jwtVerify(jwt, key.publicKey, { algorithms: ["EdDSA"], issuer: issuerUrl() })).payload;
}

export async function verifyBadgeJwt(input: string): Promise<Verdict> {
  const jwt = input.trim();
  if (!jwt) return unreadable("Paste a signed badge (a JWT) or choose a file that holds one.");
  if (jwt.length > MAX_BADGE_JWT_LENGTH || !COMPACT_JWS.test(jwt)) {
    return unreadable("This is not a signed badge: a signed badge is a JWT, three parts of letters, digits, - and _ separated by dots.");
  }
  try {
    decodeProtectedHeader(jwt);
    decodeJwt(jwt);
  } catch {
    return { state: "tampered", reason: "The badge's contents cannot be read: it has been changed since it was signed." };
  }
  let payload: Record<string, unknown>;
  try {
    payload = await verifiedPayload(jwt);
  } catch (error) {
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iss") {
      return notABadge("This credential was not issued by the Centre for Advancing Practice.");
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
      return notABadge("This badge is not valid yet.");
    }
    return {
      state: "tampered",
      reason: "The signature does not match the badge's contents: it has been changed since the Centre signed it.",
    };
  }
  const types = Array.isArray(payload.type) ? payload.type : [];
  if (!types.includes("OpenBadgeCredential")) return notABadge("This is signed by the Centre but is not a digital badge.");
  const entry = statusEntry(payload.credentialStatus as Status | undefined);
  if (!entry) return notABadge("This badge does not name one of the Centre's status lists, so whether it was revoked cannot be checked.");
  const list = await verifiedPayload(await signedStatusList(entry.list));
  const subject = list.credentialSubject as { encodedList?: unknown } | undefined;
  const revoked = typeof subject?.encodedList === "string" ? await statusBit(subject.encodedList, entry.bit) : undefined;
  if (revoked === undefined) return notABadge("The Centre's status list for this badge cannot be read.");
  return { state: revoked ? "revoked" : "valid", credential: payload };
}
