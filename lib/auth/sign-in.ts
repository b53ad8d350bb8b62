import "server-only";
import { authenticate } from "@/lib/auth/authenticate";
import type { SessionUser } from "@/lib/auth/types";
import { check, clear, hit, waitText, type ThrottlePolicy, type Throttled } from "@/lib/security/throttle";

const MINUTE = 60_000;

// Per e-mail address: five tries, then 5 s, 10 s, 20 s… up to 15 minutes between tries.
// A success clears it, so people who sign in correctly are never slowed down.
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, baseDelayMs: 5_000, maxDelayMs: 15 * MINUTE, decayMs: 15 * MINUTE };
// Per client address: more room, because many people may share one address (an NHS trust's
// network). Only failures count, and a success does not clear it (else one valid account
// would reset the count for guesses at others).
export const ADDRESS_POLICY: ThrottlePolicy = { free: 30, baseDelayMs: 5_000, maxDelayMs: 15 * MINUTE, decayMs: 2 * MINUTE };

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `sign-in:address:${address}`;

export const throttledMessage = (t: Throttled) => `Too many attempts. Try again in ${waitText(t.retryAfterMs)}.`;

export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; throttled: Throttled | null };

/**
 * Checks a password for `email` from the client at `address`, under throttling. Refused (with
 * how long to wait) while the e-mail or the address is locked, without checking the password.
 * Otherwise the attempt counts against the e-mail before the password is checked, so a burst of
 * parallel guesses cannot all get through; a success clears that count, a failure also counts
 * against the address and reports a lock-out that has just begun.
 */
export async function attemptSignIn(email: string, password: string, address: string, now: Date = new Date()): Promise<SignInOutcome> {
  const account = accountKey(email);
  const byAddress = await check(addressKey(address), now);
  if (byAddress) return { ok: false, throttled: byAddress };
  const { refused } = await hit(account, ACCOUNT_POLICY, now);
  if (refused) return { ok: false, throttled: refused };

  const user = await authenticate(email, password);
  if (user) {
    await clear(account);
    return { ok: true, user };
  }
  const { locked } = await hit(addressKey(address), ADDRESS_POLICY, now);
  return { ok: false, throttled: locked ?? (await check(account, now)) };
}
