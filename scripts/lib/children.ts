// Child processes of `npm start` and the benchmark scripts (loadtest, bench:http): run a command to completion, wait
// for a server to answer, keep a long-running one going, and stop every child still running at the end.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every child started here or handed to `track`; `stopChildren` stops those still running. */
export const children: ChildProcess[] = [];

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
    children.push(child);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args[0]} failed (exit ${code})`))));
  });
}

/** Stops the server before its database, so requests still in flight do not fail on a vanishing database. */
export async function stopChildren(): Promise<void> {
  await Promise.all(children.map((child) => stopChild(child)));
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited (at once if it already has). */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.kill("SIGTERM");
  });
}

export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 600 && Date.now() < until; attempt++) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server at ${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The pause before a child that stopped by itself is started again: 5 s, doubled after each quick stop, at most 60 s. */
export const restartDelayMs = (quickStops: number) => Math.min(60_000, 5_000 * 2 ** quickStops);

/**
 * Keeps a long-running child going (the job worker beside the web server): one that stops while `stopping()` is false
 * (out of memory, say) is started again after `restartDelayMs`; a run that lasted a minute counts as a fresh start.
 * Returns a function giving the child running now.
 */
export function keepRunning(
  start: () => ChildProcess,
  { name, stopping, log = console.error }: { name: string; stopping: () => boolean; log?: (line: string) => void },
): () => ChildProcess {
  let child = start();
  let startedAt = Date.now();
  let quickStops = 0;
  const watch = (running: ChildProcess) =>
    running.once("exit", (code, signal) => {
      if (stopping()) return;
      if (Date.now() - startedAt >= 60_000) quickStops = 0;
      const delay = restartDelayMs(quickStops++);
      log(`The ${name} stopped (${signal ?? `exit ${code}`}); starting it again in ${delay / 1000} s.`);
      setTimeout(() => {
        if (stopping()) return;
        child = start();
        startedAt = Date.now();
        watch(child);
      }, delay);
    });
  watch(child);
  return () => child;
}
