import "server-only";
import { headers } from "next/headers";

let warned = false;

/**
 * The address of the client making this request, for per-address throttling.
 * Behind `next start` the only source is `x-forwarded-for`: with TRUST_PROXY=1 its last entry is
 * the address the reverse proxy saw; otherwise scripts/client-address.cjs (preloaded by
 * `npm start` and the e2e server) has replaced it with the socket's address.
 */
export async function clientAddress(): Promise<string> {
  const trusted =
    process.env.TRUST_PROXY === "1" || Boolean((globalThis as { __apcClientAddressFromSocket?: boolean }).__apcClientAddressFromSocket);
  if (!trusted && !warned) {
    warned = true;
    console.warn(
      "The client address comes from a header the client can set: start the server with `npm start`, or set TRUST_PROXY=1 behind a reverse proxy.",
    );
  }
  return lastForwardedAddress((await headers()).get("x-forwarded-for"));
}

/** The last entry of an `x-forwarded-for` list: the one added by the nearest hop. */
export function lastForwardedAddress(header: string | null): string {
  const last = header?.split(",").at(-1)?.trim().toLowerCase();
  return last ? last.slice(0, 64) : "unknown";
}
