import "server-only";
import { clientAddress, lastForwardedAddress } from "@/lib/security/client-address";
import { db } from "@/lib/db";
import { waitText, type Throttled, type ThrottlePolicy } from "@/lib/security/throttle";

/** Requests a minute one client address may make to the public endpoints (`PUBLIC_REQUESTS_PER_MINUTE`, default 120; 0 turns the limit off). */
export function publicRequestsPerMinute(): number {
  const n = Number.parseInt(process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "", 10);
  return Number.isInteger(n) && n >= 0 ? n : 120;
}

// A burst of a minute's budget is allowed; the count then drains at the budget's rate, and a
// client that keeps asking waits 1 s, 2 s, 4 s… up to a minute.
const policy = (perMinute: number): ThrottlePolicy => ({
  free: perMinute,
  decayMs: 60_000 / perMinute,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
});

/**
 * Counts one request for `key` and tells whether the key is locked: the rule of `afterHit` (throttle.ts) in one
 * statement. Every public page pays for it, and the people behind one address (an NHS trust's network) share a
 * key: `hit`'s transaction keeps the row locked across four round trips, so they would queue for it in turn; one
 * statement holds the lock only while it runs. A key that is locked already is left as it is.
 */
export async function spend(key: string, p: ThrottlePolicy, now: Date): Promise<Throttled | null> {
  const [row] = await db().$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "Throttle" AS t ("key", "count", "lockedUntil", "updatedAt") VALUES (${key}, 1, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET ("count", "lockedUntil", "updatedAt") = (
      SELECT CASE WHEN s.locked THEN t."count" ELSE s.n END,
             CASE WHEN s.locked THEN t."lockedUntil"
                  WHEN s.n > ${p.free}::int
                    THEN ${now}::timestamp(3) + LEAST(${p.baseDelayMs}::float8 * power(2, LEAST(s.n - ${p.free}::int - 1, 40)), ${p.maxDelayMs}::float8) * interval '1 millisecond'
                  ELSE NULL END,
             CASE WHEN s.locked THEN t."updatedAt" ELSE ${now}::timestamp(3) END
      FROM (
        SELECT coalesce(t."lockedUntil" > ${now}::timestamp(3), false) AS locked,
               GREATEST(0, t."count" - floor(GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamp(3) - t."updatedAt")) * 1000) / ${p.decayMs}::float8)::int) + 1 AS n
      ) s
    )
    RETURNING "lockedUntil"`;
  const until = row?.lockedUntil;
  return until && until > now ? { retryAfterMs: until.getTime() - now.getTime() } : null;
}

/** A 429 response when the client at `address` has spent its budget (this request counts), otherwise null. */
export async function publicBudgetRefusal(address: string): Promise<Response | null> {
  const perMinute = publicRequestsPerMinute();
  if (perMinute === 0) return null;
  const locked = await spend(`public:${address}`, policy(perMinute), new Date());
  if (!locked) return null;
  const wait = waitText(locked.retryAfterMs);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests – Advanced Practice Credentials</title></head>` +
      `<body><main><h1>Too many requests</h1>` +
      `<p>This address has asked for pages too quickly. Try again in ${wait}.</p></main></body></html>`,
    {
      status: 429,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(Math.ceil(locked.retryAfterMs / 1000)),
      },
    },
  );
}

/** For public route handlers: a 429 response when this client has spent its budget, otherwise null. */
export async function overPublicBudget(): Promise<Response | null> {
  if (publicRequestsPerMinute() === 0) return null;
  return publicBudgetRefusal(await clientAddress());
}

// The public HTML pages: the catalogue, a credential's page, a badge's page and the practitioner directory. Their downloads (CSV, JSON, JSON-LD) are route
// handlers that spend the budget themselves, so they are not counted twice.
const PUBLIC_PAGES = [
  /^\/catalogue\/?$/,
  /^\/catalogue\/(?!export\.(?:csv|jsonld)\/?$)[^/]+\/?$/,
  /^\/badges\/[^/]+\/?$/,
  /^\/directory\/?$/,
];

/** For the proxy: a 429 response when a GET of a public page comes from a client that has spent its budget, otherwise null. */
export async function publicPageBudget(request: Request): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // A browser prefetches every catalogue link in view; a prefetch of a dynamic page renders only its layout (no
  // page data is read), so it does not count, or twenty cards would spend a reader's budget in one screen.
  if (request.headers.has("next-router-prefetch")) return null;
  if (!PUBLIC_PAGES.some((p) => p.test(new URL(request.url).pathname))) return null;
  return publicBudgetRefusal(lastForwardedAddress(request.headers.get("x-forwarded-for")));
}
