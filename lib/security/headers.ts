import { NextResponse, type NextRequest } from "next/server";

/**
 * Security headers for every response the proxy sees: pages, route handlers, exports and redirects.
 *
 * Scripts run only with this request's nonce: Next reads the nonce from the Content-Security-Policy
 * request header while rendering and puts it on its own scripts, and 'strict-dynamic' lets those
 * scripts load the page's chunks. A nonce differs per request, so every page renders dynamically.
 */

/** The https-only headers go out when the app's public URL is https or a proxy in front says the request was. */
function servedOverHttps(request: NextRequest): boolean {
  const appUrl = process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "";
  return appUrl.startsWith("https://") || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { https, dev }: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's debugging in `next dev` needs eval; production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: recharts and React `style` props write style attributes, which a nonce
    // cannot cover (and a nonce in style-src would make browsers ignore 'unsafe-inline'). Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(request: NextRequest, nonce: string): Record<string, string> {
  const https = servedOverHttps(request);
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === "development" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Runs `handle` (the rest of the proxy) and puts the security headers on whatever it returns.
 * `handle` calls `next()` where it would call `NextResponse.next()`: that forwards the policy to the
 * renderer, which is how Next learns the nonce.
 */
export function withSecurityHeaders(request: NextRequest, handle: (request: NextRequest, next: () => NextResponse) => Response): Response {
  const headers = securityHeaders(request, newNonce());
  const next = () => {
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    return NextResponse.next({ request: { headers: forwarded } });
  };
  const response = handle(request, next);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
