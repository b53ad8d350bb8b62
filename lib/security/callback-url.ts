// Any origin will do: it only has to be one an attacker's value cannot resolve to.
const ORIGIN = "http://app.invalid";

/**
 * A `callbackUrl` to follow after sign-in, or `fallback`. Only a path on this app is followed:
 * it starts with one `/`, has no backslash (browsers read `/\evil.example` as `//evil.example`),
 * no whitespace or control characters (browsers drop tabs and newlines: `/\t/evil.example`),
 * and resolves to this app's origin. Returned normalised, as the URL parser reads it.
 */
export function safeCallbackUrl(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (/[\s\x00-\x1f\x7f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
