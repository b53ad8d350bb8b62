import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
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
 * The job worker's old-space limit in MB (`WORKER_HEAP_MB`, default 88, at least 64). The jobs read their rows a
 * batch or an organisation at a time, so at national scale the live heap stays near 65 MB while every plan is rated
 * or every annual return opened; left to itself V8 let the worker grow to 711 MB resident doing the same.
 */
export function workerHeapMb(env: Env = process.env): number {
  return heapMb(env.WORKER_HEAP_MB, 88, 64);
}

function heapMb(value: string | undefined, fallback: number, least = 128): number {
  const mb = Number.parseInt(value ?? "", 10);
  return Number.isInteger(mb) && mb >= least ? mb : fallback;
}

/**
 * The job worker's NODE_OPTIONS: the caller's, its heap limit, a 1 MB young generation (the jobs' short-lived rows
 * are collected as they go rather than let pile up) and one V8 helper thread (GC and compiling need no more beside
 * PostgreSQL on a small machine).
 */
export function workerNodeOptions(env: Env = process.env): string {
  return [env.NODE_OPTIONS ?? "", `--max-old-space-size=${workerHeapMb(env)}`, "--max-semi-space-size=1", "--v8-pool-size=1"]
    .join(" ")
    .trim();
}

/**
 * What node is started with for the job worker, before its script: V8 flags that NODE_OPTIONS may not carry. Prisma
 * compiles each query in WebAssembly; V8's optimising tier for it held about 30 MB of compiled code in the worker,
 * where the baseline compiler alone does the same work (jobs measured within a few seconds of each other at
 * national scale).
 */
export const WORKER_NODE_ARGS: readonly string[] = ["--liftoff-only"];

/**
 * MALLOC_ARENA_MAX for the web server and the job worker: the caller's, or two. glibc otherwise keeps a malloc arena
 * per thread, each holding memory the process no longer uses; the web server peaked 17–40 MB lower with two (five
 * pages at 20 clients, twice, alternating, with no consistent change in time per page).
 */
export const mallocArenaMax = (env: Env = process.env): string => env.MALLOC_ARENA_MAX ?? "2";

/** The job worker's environment: the caller's, its NODE_OPTIONS and MALLOC_ARENA_MAX. */
export function workerEnv(env: Env = process.env): Env {
  return { ...env, NODE_OPTIONS: workerNodeOptions(env), MALLOC_ARENA_MAX: mallocArenaMax(env) };
}

/** Starts a bundled script (scripts/lib/bundle.ts) as `npm start` starts the job worker: node's flags, options and env. */
export function spawnWorker(file: string, env: Env, options: Omit<SpawnOptions, "env"> = {}): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_ARGS, file], { ...options, env: workerEnv(env) as NodeJS.ProcessEnv });
}

/** The preloads every `next start` of the app gets (the end-to-end tests' servers too): see webServerNodeOptions. */
export const webServerPreloads = (root: string) =>
  ["client-address.cjs", "response-flush.cjs"].map((f) => `--require ${JSON.stringify(path.join(root, "scripts", f))}`).join(" ");

/**
 * The web server's NODE_OPTIONS: the preloads that make x-forwarded-for the socket's address unless TRUST_PROXY=1
 * (scripts/client-address.cjs) and flush a compressed response once per turn (scripts/response-flush.cjs), and for
 * the production server the heap limit and a 16 MB young generation (the development server also compiles, and is
 * left its defaults). With the old space capped V8 sizes the young
 * generation from the whole heap, up to 113 MB at 20 clients; at 16 MB the server peaked 20-30 MB lower, with the
 * same CPU time per page (measured on three pages at 20 clients, twice, alternating).
 */
export function webServerNodeOptions(root: string, { production = true, env = process.env as Env } = {}): string {
  const heap = production ? `--max-old-space-size=${webServerHeapMb(env)} --max-semi-space-size=16` : "";
  return [env.NODE_OPTIONS ?? "", webServerPreloads(root), heap].join(" ").trim();
}
