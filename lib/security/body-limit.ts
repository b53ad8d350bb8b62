import { BODY_TOO_LARGE_MESSAGE } from "@/lib/errors";
import { FORM_LIMITS } from "@/lib/form";
import { readableActionForm, readableActionText } from "@/lib/security/action-body";

/**
 * The largest request body accepted, the same as Next's own limit for server actions
 * (`serverActions.bodySizeLimit`, 1 MB by default). Next enforces its limit while reading the
 * body but answers a breach with a 500; checking here first gives the user a 413 and a page
 * that says what to do, before any application code runs.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);
/** The most parts a form body may have: twice the fields a form may carry (FORM_LIMITS), which refuses more itself. */
const MAX_PARTS = FORM_LIMITS.fields * 2;

/** Said when a request's body cannot be read as what it claims to be. */
export const BODY_UNREADABLE_MESSAGE =
  "Nothing was saved, because what your browser sent could not be read. Go back to the form, reload it and try again.";

/**
 * A 413 response when the request's body is over the limit, a 400 when a form or a server action's body cannot be
 * read as what it claims to be (Next would fail on it with a 500), otherwise null. Forms are read here from a copy of
 * the request, then again by Next: a form is a few kilobytes, so reading it twice costs little.
 */
export async function refuseBadBody(request: Request): Promise<Response | null> {
  if (WITHOUT_BODY.has(request.method)) return null;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > BODY_LIMIT_BYTES) return refusal(request, 413);
  // Which POSTs Next decodes as a server action, by its own test (server-action-request-meta.js): case and all.
  const type = request.headers.get("content-type") ?? "";
  const multipart = request.method === "POST" && type.startsWith("multipart/form-data");
  const action = request.method === "POST" && request.headers.has("next-action");
  const decoded = multipart || action;
  if (!decoded && (declared !== null || !request.body)) return null;
  const body = request.body ? await bodyWithinLimit(request) : new Uint8Array();
  if (body === null) return refusal(request, 413);
  if (decoded && !(await readable(body, type, multipart, action))) return refusal(request, 400);
  return null;
}

/** The body of a copy of the request, read to its end, or null as soon as it passes the limit. */
async function bodyWithinLimit(request: Request): Promise<Uint8Array | null> {
  const reader = request.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      // Not awaited: a copy's cancel settles only once the other copy, which nobody will read now, is cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * Whether Next can read the body: a multipart form parses as one, with its parts' headers as browsers write them,
 * and what React decodes from it — a server action's arguments (the whole body as text, or a form's field `0`), a
 * form's bound action — is as React's client writes it (lib/security/action-body.ts).
 */
async function readable(body: Uint8Array, type: string, multipart: boolean, action: boolean): Promise<boolean> {
  try {
    if (!multipart) return readableActionText(Buffer.from(body).toString("utf-8"));
    const heads = partHeads(body, type);
    if (heads === null || heads.some((head) => /(^|\n)content-transfer-encoding:/i.test(head))) return false;
    const form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
    return readableActionForm(form, action);
  } catch {
    return false;
  }
}

/**
 * The header lines of each part of a multipart body, found without parsing the parts; null when it has no boundary,
 * a part without a header block, or more than MAX_PARTS parts.
 */
function partHeads(body: Uint8Array, type: string): string[] | null {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(type);
  if (!boundary) return null;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const heads: string[] = [];
  for (let at = bytes.indexOf(delimiter); at !== -1;) {
    const start = at + delimiter.length;
    if (bytes[start] === 0x2d && bytes[start + 1] === 0x2d) return heads;
    const end = bytes.indexOf("\r\n\r\n", start);
    if (end === -1 || heads.length === MAX_PARTS) return null;
    heads.push(bytes.toString("latin1", start, end));
    at = bytes.indexOf(delimiter, end);
  }
  return heads;
}

/** 413 or 400: for a server action sent by script a text/plain message, which its error shows; otherwise a page. */
function refusal(request: Request, status: 400 | 413): Response {
  const message = status === 413 ? BODY_TOO_LARGE_MESSAGE : BODY_UNREADABLE_MESSAGE;
  if (request.headers.has("next-action")) {
    return new Response(message, { status, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  }
  const title = status === 413 ? "What you sent is too large" : "What you sent could not be read";
  const help = status === 413 ? "<p>If you need to send more than this, contact the Centre for Advancing Practice support team.</p>\n" : "";
  const back = `<p><a href="${escapeHtml(backLink(request))}">Go back to the form</a> or <a href="/dashboard">go to your dashboard</a>.</p>\n`;
  return plainPage(status, title, `<p>${message}</p>\n${back}${help}`);
}

/** A path whose percent-escapes do not decode (`/catalogue/%FF`): the page cannot exist, so 404. */
export function refuseMalformedPath(pathname: string): Response | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    const body = `<p>If you typed the web address, check it is correct.</p>\n<p><a href="/">Go to the start page</a>.</p>\n`;
    return plainPage(404, "Page not found", body);
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

/** A page of the service's look without its layout, for answers given before any page code runs. */
const plainPage = (status: number, title: string, body: string) =>
  new Response(
    `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Advanced Practice Credentials</title>
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
<h1>${title}</h1>
${body}</main>
</body>
</html>
`,
    { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );
