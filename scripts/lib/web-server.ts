import path from "node:path";

type Env = Record<string, string | undefined>;

/**
 * V8's limit on the web server's long-lived heap, in MB (`WEB_SERVER_HEAP_MB`, default 256). Left to itself V8 lets
 * the heap grow far beyond what the live data needs while pages are rendered side by side, and collects late: at 20
 * clients the server's resident memory peaked at 515 MB; with this limit at 332 MB, serving as many pages a second.
 * Exports stream in batches, so no request needs more.
 */
export function webServerHeapMb(env: Env = process.env): number {
  return heapMb(env.WEB_SERVER_HEAP_MB, 256);
}

/**
 * The job worker's old-space limit in MB (`WORKER_HEAP_MB`, default 192). Left to itself, rating every plan at
 * national scale took the worker to 711 MB resident while the live heap stayed under 150 MB; with this limit it
 * peaked at 386 MB in the same time. At 128 MB the collector runs so often the same job takes five times as long.
 */
export function workerHeapMb(env: Env = process.env): number {
  return heapMb(env.WORKER_HEAP_MB, 192);
}

function heapMb(value: string | undefined, fallback: number): number {
  const mb = Number.parseInt(value ?? "", 10);
  return Number.isInteger(mb) && mb >= 128 ? mb : fallback;
}

/** The job worker's NODE_OPTIONS: the caller's, and its heap limit. */
export function workerNodeOptions(env: Env = process.env): string {
  return [env.NODE_OPTIONS ?? "", `--max-old-space-size=${workerHeapMb(env)}`].join(" ").trim();
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
