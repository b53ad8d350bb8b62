"use server";
import { MAX_BADGE_JWT_LENGTH, verifyBadgeJwt } from "@/lib/badges/verify";
import { asForm } from "@/lib/form";
import { overPublicBudget } from "@/lib/security/public-budget";
import type { VerdictState } from "@/components/badges/BadgeVerdict";

// Checking a badge someone holds: nothing is written and no sign-in is needed, so this action is a read, not a
// command. The request body is already bounded by the proxy (lib/security/body-limit.ts); a file or text beyond a
// badge's size is refused here with a message, before it is read as a badge.

export type VerifyResult = {
  state: VerdictState;
  reason?: string;
  /** What a valid or revoked badge says, for the person checking it. */
  summary?: { achievement: string; issuer: string; issued: string };
  /** The JWT as typed, to keep in the box (only a badge-sized one). */
  jwt?: string;
};

const TOO_LONG = `This is too long to be a signed badge (a badge is at most ${MAX_BADGE_JWT_LENGTH.toLocaleString("en-GB")} characters).`;

async function submitted(sent: FormData): Promise<string | { error: string }> {
  const form = asForm(sent);
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BADGE_JWT_LENGTH) return { error: TOO_LONG };
    return (await file.text()).trim();
  }
  const text = form.get("jwt");
  return typeof text === "string" ? text.trim() : "";
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

export async function verifyBadge(_prev: VerifyResult | null, form: FormData): Promise<VerifyResult> {
  // Checking costs a signature check and a status list, so it spends the same budget as the public pages.
  if (await overPublicBudget())
    return { state: "unreadable", reason: "Too many checks from your network in a short time. Wait a minute, then try again." };
  const jwt = await submitted(form);
  if (typeof jwt !== "string") return { state: "unreadable", reason: jwt.error };
  if (jwt.length > MAX_BADGE_JWT_LENGTH) return { state: "unreadable", reason: TOO_LONG };
  const verdict = await verifyBadgeJwt(jwt);
  if ("reason" in verdict) return { state: verdict.state, reason: verdict.reason, jwt };
  const c = verdict.credential as {
    issuer?: { name?: unknown };
    validFrom?: unknown;
    credentialSubject?: { achievement?: { name?: unknown } };
  };
  return {
    state: verdict.state,
    jwt,
    summary: {
      achievement: text(c.credentialSubject?.achievement?.name),
      issuer: text(c.issuer?.name),
      issued: text(c.validFrom).slice(0, 10),
    },
  };
}
