import { BODY_TOO_LARGE_MESSAGE } from "@/lib/errors";

/**
 * The largest request body accepted, the same as Next's own limit for server actions
 * (`serverActions.bodySizeLimit`, 1 MB by default). Next enforces its limit while reading the
 * body but answers a breach with a 500; checking here first gives the user a 413 and a page
 * that says what to do, before any application code runs.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/** A 413 response when the request's body is over the limit, otherwise null. */
export async function refuseOversizedBody(request: Request): Promise<Response | null> {
  if (WITHOUT_BODY.has(request.method)) return null;
  const declared = request.headers.get("content-length");
  const tooLarge = declared !== null ? Number(declared) > BODY_LIMIT_BYTES : await streamExceedsLimit(request);
  if (!tooLarge) return null;
  // A server action sent by script shows a text/plain message from a failed response as its error.
  if (request.headers.has("next-action")) {
    return new Response(BODY_TOO_LARGE_MESSAGE, { status: 413, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  }
  return new Response(tooLargePage(backLink(request)), {
    status: 413,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A body sent without a length (chunked) is counted, reading no more than the limit. */
async function streamExceedsLimit(request: Request): Promise<boolean> {
  if (!request.body) return false;
  const reader = request.clone().body!.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel();
      return true;
    }
  }
}

/** The page the form was on, when the browser said and it is on this site. */
function backLink(request: Request): string {
  const referer = request.headers.get("referer");
  try {
    const from = new URL(referer ?? "");
    if (from.origin === new URL(request.url).origin) return from.pathname + from.search;
  } catch {
    // No usable referrer: send the user to their dashboard instead.
  }
  return "/dashboard";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const tooLargePage = (back: string) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What you sent is too large – Advanced Practice Credentials</title>
<style>
body { margin: 0; font-family: Arial, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #212b32; background: #f0f4f5; }
header { background: #005eb8; color: #fff; padding: 1rem; font-weight: bold; }
main { max-width: 960px; margin: 0 auto; padding: 2.5rem 1rem; }
h1 { font-size: 2rem; margin: 0 0 1.5rem; }
a { color: #005eb8; } a:focus { background: #ffeb3b; color: #212b32; outline: 4px solid transparent; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; }
</style>
</head>
<body>
<header>Advanced Practice Credentials</header>
<main id="main-content">
<h1>What you sent is too large</h1>
<p>${BODY_TOO_LARGE_MESSAGE}</p>
<p><a href="${escapeHtml(back)}">Go back to the form</a> or <a href="/dashboard">go to your dashboard</a>.</p>
<p>If you need to send more than this, contact the Centre for Advancing Practice support team.</p>
</main>
</body>
</html>
`;
