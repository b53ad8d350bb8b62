// `npm start`: one command from a fresh clone to a running app.
//  1. PostgreSQL — DATABASE_URL if set, otherwise an embedded server with its data in .data/
//  2. migrations (as the owner) and the app role's privileges, 3. demo data (once; only the embedded database
//     gets it unless asked for with --demo or SEED_DEMO=1, see scripts/lib/demo-data.ts),
//  4. production build (when sources changed),
//  5. the web server on PORT (default 3000) and the job worker, both connected as the app role.
// `npm run dev` does the same with Next's development server instead of a build.
import "dotenv/config";
import { spawn } from "node:child_process";
import path from "node:path";
import { portIsFree, startEmbeddedPostgres, StartupError, type RunningPostgres } from "./lib/embedded-postgres";
import { ensureDatabase } from "./lib/migrate";
import { appConnection, migrateDatabase } from "./lib/app-role";
import { needsBuild } from "./lib/build-state";
import { demoDataDecision } from "./lib/demo-data";
import { keepRunning, stopChild } from "./lib/children";
import { mallocArenaMax, spawnWorker, webServerNodeOptions } from "./lib/web-server";
import { bundleScript } from "./lib/bundle";
import { DEMO_USERS } from "../prisma/demo-users";
import { defaultKeyFile, ensureKeyFile } from "../lib/badges/key-file";
import { replicaDatabaseUrl } from "../lib/config";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const step = (n: number, text: string) => console.log(`[${n}/5] ${text}`);

/**
 * The URL the web server and worker connect with: a role that may only read and write rows, never the
 * owner that migrates (see scripts/lib/app-role.ts).
 */
async function appDatabaseUrl(ownerUrl: string): Promise<string> {
  const app = await appConnection(ownerUrl, process.env.APP_DATABASE_URL, dataDir);
  console.log(`      the app connects as the role ${app.role}`);
  if (app.warning) console.warn(`      ${app.warning}`);
  return app.url;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new StartupError(`${path.basename(cmd)} ${args[0]} failed (exit ${code}).`)),
    );
  });
}

async function main() {
  if (!(await portIsFree(port, "0.0.0.0"))) {
    throw new StartupError(`Port ${port} is already in use. Stop whatever is using it, or start on another port: PORT=3001 npm start`);
  }
  // A mistyped replica URL stops the start, not the first dashboard someone opens.
  let replica: string | null;
  try {
    replica = replicaDatabaseUrl();
  } catch (err) {
    throw new StartupError(err instanceof Error ? err.message : String(err));
  }
  let pg: RunningPostgres | null = null;
  const demo = demoDataDecision(process.argv.slice(2), process.env);
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    step(1, "Using the PostgreSQL database in DATABASE_URL");
  } else {
    step(1, "Starting the embedded PostgreSQL (data in .data/pg)");
    pg = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.PGPORT ?? 5433),
      log: (l) => console.log(`      ${l}`),
      ownProcessGroup: true,
    });
    await ensureDatabase(pg.url("postgres"), "apc");
    databaseUrl = pg.url("apc");
  }
  if (replica) console.log("      dashboards, impact figures and exports read from the replica in DATABASE_REPLICA_URL");
  step(2, "Applying database migrations");
  const applied = await migrateDatabase(databaseUrl);
  console.log(`      ${applied.length ? `applied ${applied.join(", ")}` : "already up to date"}`);
  const appUrl = await appDatabaseUrl(databaseUrl);

  if (demo.load) {
    step(3, `Loading demo data (${demo.reason})`);
    const { seed } = await import("../prisma/seed");
    const { created } = await seed(databaseUrl);
    console.log(`      ${created ? "demo data created" : "demo data already present"}`);
  } else {
    step(3, `No demo data: ${demo.reason}`);
  }

  // The key that signs digital badges: BADGE_SIGNING_KEY, or one generated on the first start beside the database's data.
  const badgeKeyFile = process.env.BADGE_SIGNING_KEY_FILE ?? defaultKeyFile(root);
  if (!process.env.BADGE_SIGNING_KEY) await ensureKeyFile(badgeKeyFile);

  const env = {
    ...process.env,
    BADGE_SIGNING_KEY_FILE: badgeKeyFile,
    DATABASE_URL: appUrl,
    APP_URL: process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // The local demo sends no e-mail unless SMTP_URL is set; its development mailbox shows what would have been sent.
    ...(!pg || process.env.SMTP_URL ? {} : { DEV_MAILBOX: process.env.DEV_MAILBOX ?? "1" }),
    PORT: String(port),
  };
  const next = path.join(root, "node_modules/.bin/next");
  if (dev) {
    step(4, "Development mode: no build needed");
  } else if (needsBuild(root)) {
    step(4, "Building the app (first start, or the code changed)");
    await run(next, ["build"], { ...env, NODE_ENV: "production" });
  } else {
    step(4, "Build is up to date");
  }

  step(5, `Starting the web server and job worker on http://localhost:${port}`);
  const web = spawn(next, [dev ? "dev" : "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, NODE_OPTIONS: webServerNodeOptions(root, { production: !dev }), MALLOC_ARENA_MAX: mallocArenaMax(env) },
    stdio: "inherit",
  });
  // The worker runs in the web server's mode, so both agree on whether /dev/mailbox exists (lib/jobs/outbox.ts), as one
  // bundled file under node (scripts/lib/bundle.ts).
  // One that stops by itself is started again (keepRunning); pg-boss retries the jobs it had taken.
  const workerFile = await bundleScript(root, "scripts/worker.ts");
  let stopping = false;
  const worker = keepRunning(
    () => spawnWorker(workerFile, { ...env, NODE_ENV: dev ? "development" : "production" }, { cwd: root, stdio: "inherit" }),
    { name: "job worker", stopping: () => stopping },
  );
  printLogins(port, demo.load, !process.env.SMTP_URL && (dev || env.DEV_MAILBOX === "1"));

  // The web server and the worker stop first (the worker finishes its jobs), the database last, so neither loses
  // its connections mid-way. The embedded-postgres package exits the process on these signals by itself; this
  // process stops everything in order instead. (`process.listeners` leaves out tsx's own signal relay, which
  // removeAllListeners would drop, and tsx would then kill this process.)
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    const stopped = (name: string) => () => console.log(`Stopped the ${name}.`);
    await Promise.all([stopChild(web).then(stopped("web server")), stopChild(worker(), 35_000).then(stopped("job worker"))]);
    if (pg) {
      await pg.stop().catch(() => {});
      console.log("Stopped PostgreSQL.");
    }
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => void shutdown());
  }
  web.on("exit", (code) => {
    if (stopping) return;
    console.error(`The web server stopped (exit ${code}).`);
    void shutdown();
  });
}

function printLogins(port: number, demo: boolean, mailbox: boolean) {
  console.log(`\nAdvanced Practice Credentials is running at http://localhost:${port}`);
  if (demo) {
    console.log(`Demo sign-ins (password for all: ${DEMO_USERS.CENTRE_STAFF.password}):`);
    for (const [role, u] of Object.entries(DEMO_USERS))
      console.log(`  ${role.padEnd(13)} ${u.email.padEnd(32)} ${u.name}, ${u.organisation}`);
  } else {
    console.log('No demo sign-ins. Create the first admin with: npm run create-admin -- --email you@example.org --name "Your Name"');
  }
  if (mailbox) console.log(`E-mails are not sent (no SMTP_URL): read them at http://localhost:${port}/dev/mailbox`);
  else if (!process.env.SMTP_URL) console.log("E-mails are not sent (no SMTP_URL): the worker writes them to its log.");
  console.log("Press Ctrl+C to stop.\n");
}

main().catch((err) => {
  console.error(`\nCould not start: ${err instanceof StartupError ? err.message : err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
