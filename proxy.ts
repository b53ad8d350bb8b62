import { NextResponse, type NextRequest } from "next/server";
import { refuseBadBody, refuseMalformedPath } from "@/lib/security/body-limit";
import { withSecurityHeaders } from "@/lib/security/headers";
import { publicPageBudget } from "@/lib/security/public-budget";

// A convenience only: sends signed-out visitors to sign in and back to the page they asked for.
// Authorization is enforced by the (app) layout and, for every change, in the data layer.
const PUBLIC = [
  /^\/$/,
  /^\/sign-in/,
  /^\/forgot-password/,
  /^\/invitations\//,
  /^\/reset-password\//,
  /^\/catalogue/,
  /^\/badges\//,
  /^\/directory\/?$/,
  /^\/accessibility/,
  /^\/dev\/mailbox$/,
];
const SESSION_COOKIES = ["apc-session", "__Host-apc-session"];

export async function proxy(request: NextRequest) {
  // A public page costs a database read, so anyone asking too fast is slowed down here, before any work is done.
  // What Next itself would fail on with a 500 (an undecodable path, an unreadable form) is answered here first.
  const refused = refuseMalformedPath(request.nextUrl.pathname) ?? (await refuseBadBody(request)) ?? (await publicPageBudget(request));
  return withSecurityHeaders(request, (req, next) => refused ?? gate(req, next));
}

function gate(request: NextRequest, next: () => NextResponse) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname)) || SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    return next();
  }
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// Pages, route handlers and exports all pass through here for their security headers; static files get theirs from next.config.js.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
