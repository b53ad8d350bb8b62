import "server-only";
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

/**
 * Asks to try a password for `email` from `address`. Refused (with how long to wait) while
 * either is locked; otherwise the attempt is counted against the account before the password
 * is checked, so a burst of parallel guesses cannot all get through.
 */
export async function beginSignInAttempt(email: string, address: string, now: Date = new Date()): Promise<Throttled | null> {
  const byAddress = await check(addressKey(address), now);
  if (byAddress) return byAddress;
  return (await hit(accountKey(email), ACCOUNT_POLICY, now)).refused;
}

/** A wrong password: counts against the address; returns the lock-out if one has now begun. */
export async function signInFailed(email: string, address: string, now: Date = new Date()): Promise<Throttled | null> {
  const { locked } = await hit(addressKey(address), ADDRESS_POLICY, now);
  return locked ?? (await check(accountKey(email), now));
}

export async function signInSucceeded(email: string): Promise<void> {
  await clear(accountKey(email));
}
