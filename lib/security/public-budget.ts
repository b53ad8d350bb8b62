import "server-only";
import { clientAddress, lastForwardedAddress } from "@/lib/security/client-address";
import { hit, waitText, type ThrottlePolicy } from "@/lib/security/throttle";

/** Requests a minute one client address may make to the public endpoints (`PUBLIC_REQUESTS_PER_MINUTE`, default 120; 0 turns the limit off). */
export function publicRequestsPerMinute(): number {
  const n = Number.parseInt(process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "", 10);
  return Number.isInteger(n) && n >= 0 ? n : 120;
}

// A burst of a minute's budget is allowed; the count then drains at the budget's rate, and a
// client that keeps asking waits 1 s, 2 s, 4 s… up to a minute.
const policy = (perMinute: number): ThrottlePolicy => ({ free: perMinute, decayMs: 60_000 / perMinute, baseDelayMs: 1_000, maxDelayMs: 60_000 });

/** A 429 response when the client at `address` has spent its budget (this request counts), otherwise null. */
export async function publicBudgetRefusal(address: string): Promise<Response | null> {
  const perMinute = publicRequestsPerMinute();
  if (perMinute === 0) return null;
  const { locked } = await hit(`public:${address}`, policy(perMinute));
  if (!locked) return null;
  const wait = waitText(locked.retryAfterMs);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests – Advanced Practice Credentials</title></head>` +
      `<body><main><h1>Too many requests</h1>` +
      `<p>This address has asked for pages too quickly. Try again in ${wait}.</p></main></body></html>`,
    {
      status: 429,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(Math.ceil(locked.retryAfterMs / 1000)) },
    },
  );
}

/** For public route handlers: a 429 response when this client has spent its budget, otherwise null. */
export async function overPublicBudget(): Promise<Response | null> {
  return publicBudgetRefusal(await clientAddress());
}

// The public HTML pages: the catalogue, a credential's page and a badge's page. Their downloads (CSV, JSON) are route
// handlers that spend the budget themselves, so they are not counted twice.
const PUBLIC_PAGES = [/^\/catalogue\/?$/, /^\/catalogue\/(?!export\.csv\/?$)[^/]+\/?$/, /^\/badges\/[^/]+\/?$/];

/** For the proxy: a 429 response when a GET of a public page comes from a client that has spent its budget, otherwise null. */
export async function publicPageBudget(request: Request): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // A browser prefetches every catalogue link in view; a prefetch of a dynamic page renders only its layout (no
  // page data is read), so it does not count, or twenty cards would spend a reader's budget in one screen.
  if (request.headers.has("next-router-prefetch")) return null;
  if (!PUBLIC_PAGES.some((p) => p.test(new URL(request.url).pathname))) return null;
  return publicBudgetRefusal(lastForwardedAddress(request.headers.get("x-forwarded-for")));
}
