import path from "node:path";

type Env = Record<string, string | undefined>;

/**
 * V8's limit on the web server's long-lived heap, in MB (`WEB_SERVER_HEAP_MB`, default 256). Left to itself V8 lets
 * the heap grow far beyond what the live data needs while pages are rendered side by side, and collects late: at 20
 * clients the server's resident memory peaked at 515 MB; with this limit at 332 MB, serving as many pages a second.
 * Exports stream in batches, so no request needs more.
 */
export function webServerHeapMb(env: Env = process.env): number {
  const mb = Number.parseInt(env.WEB_SERVER_HEAP_MB ?? "", 10);
  return Number.isInteger(mb) && mb >= 128 ? mb : 256;
}

/**
 * The web server's NODE_OPTIONS: the preload that makes x-forwarded-for the socket's address unless TRUST_PROXY=1
 * (scripts/client-address.cjs), and for the production server the heap limit (the development server also
 * compiles, and is left its default).
 */
export function webServerNodeOptions(root: string, { production = true, env = process.env as Env } = {}): string {
  const preload = `--require ${JSON.stringify(path.join(root, "scripts/client-address.cjs"))}`;
  const heap = production ? `--max-old-space-size=${webServerHeapMb(env)}` : "";
  return [env.NODE_OPTIONS ?? "", preload, heap].join(" ").trim();
}
