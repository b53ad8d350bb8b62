import "server-only";
import { clientAddress } from "@/lib/security/client-address";
import { hit, waitText, type ThrottlePolicy } from "@/lib/security/throttle";

/** Requests a minute one client address may make to the public endpoints (`PUBLIC_REQUESTS_PER_MINUTE`, default 120; 0 turns the limit off). */
export function publicRequestsPerMinute(): number {
  const n = Number.parseInt(process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "", 10);
  return Number.isInteger(n) && n >= 0 ? n : 120;
}

// A burst of a minute's budget is allowed; the count then drains at the budget's rate, and a
// client that keeps asking waits 1 s, 2 s, 4 s… up to a minute.
const policy = (perMinute: number): ThrottlePolicy => ({ free: perMinute, decayMs: 60_000 / perMinute, baseDelayMs: 1_000, maxDelayMs: 60_000 });

/** For public route handlers: a 429 response when this client has spent its budget, otherwise null. */
export async function overPublicBudget(): Promise<Response | null> {
  const perMinute = publicRequestsPerMinute();
  if (perMinute === 0) return null;
  const { locked } = await hit(`public:${await clientAddress()}`, policy(perMinute));
  if (!locked) return null;
  const wait = waitText(locked.retryAfterMs);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many requests</title></head><body><main><h1>Too many requests</h1><p>This address has asked for pages too quickly. Try again in ${wait}.</p></main></body></html>`,
    { status: 429, headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(Math.ceil(locked.retryAfterMs / 1000)) } },
  );
}
