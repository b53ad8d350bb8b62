import { NextResponse, type NextRequest } from "next/server";
import { withSecurityHeaders } from "@/lib/security/headers";

// A convenience only: sends signed-out visitors to sign in and back to the page they asked for.
// Authorization is enforced by the (app) layout and, for every change, in the data layer.
const PUBLIC = [/^\/$/, /^\/sign-in/, /^\/catalogue/, /^\/badges\//, /^\/accessibility/, /^\/api\/auth\//];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  return withSecurityHeaders(request, gate);
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
