// `npm test` — the one test command: typecheck, unit and integration tests (Vitest), and
// end-to-end tests (Playwright against `next start`), all against ONE throw-away PostgreSQL.
//
//   npm test                              everything
//   npm test -- --unit --integration      only those parts (also --typecheck, --lint, --e2e)
//   npm test -- --e2e -- --grep sign-in   arguments after a second `--` go to the part's runner
//
// TEST_DATABASE_URL=postgresql://user:pw@localhost:5432/postgres uses your own local server
// instead of an embedded one (it must be on this machine: the run drops and creates databases, and
// its user must be able to create roles).
//
// The run's own role migrates and creates the databases; the tests and the e2e server connect as an
// app role with the app's privileges only (scripts/lib/app-role.ts), as `npm start` runs the app.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { buildReason } from "./lib/build-state";
import { ensureAppRole, grantAppRole, migrateDatabase, urlAs } from "./lib/app-role";
import { assertLocalDatabaseUrl, databaseUrl, recreateDatabase } from "../tests/support/db";
import { startSmtpCapture } from "../tests/support/smtp";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules/.bin");
const RESULTS = path.join(ROOT, "test-results");
const VITEST_LOG = path.join(RESULTS, "vitest.log");
// Runs reuse one build folder while its sources are unchanged; a run that starts while another holds it
// builds into a folder of its own, so two runs on one machine never overwrite each other's build.
const SHARED_DIST = ".next-test/build";
const DIST_DIR = claimSharedBuild() ? SHARED_DIST : `.next-test/${process.pid}`;
const TSCONFIG = `.next-test/tsconfig.${process.pid}.json`;
const TYPECHECK_TSCONFIG = ".next-test/tsconfig.check.json";
const TEMPLATE_DB = "apc_template";
const E2E_DB = "apc_e2e";
// Playwright workers, each with its own server and database (E2E_WORKERS overrides). A worker keeps about two cores
// busy (Chromium with axe, the server, PostgreSQL): on a 2-core machine two workers ran each test twice as slowly and
// finished hardly sooner (the same 52 tests: 16.4 min with two, 17.0 min with one), so one per two cores.
const E2E_WORKERS = Math.max(1, Math.floor(os.cpus().length / 2));
const TEST_APP_ROLE = "apc_test_app";
const CHROMIUM_MISSING =
  "Chromium not found. Install it with: apt-get install -y chromium-headless-shell (Debian/Ubuntu), or set CHROMIUM_PATH.";

/** Takes the shared build folder's lock unless a live run holds it (the lock file names its process). */
function claimSharedBuild(): boolean {
  const lock = path.join(ROOT, ".next-test/build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  try {
    const holder = Number(readFileSync(lock, "utf8"));
    if (holder && holder !== process.pid) {
      process.kill(holder, 0); // throws when that process is gone
      return false;
    }
  } catch {
    // no lock, or its run has ended
  }
  writeFileSync(lock, String(process.pid));
  return true;
}

function releaseSharedBuild() {
  const lock = path.join(ROOT, ".next-test/build.lock");
  if (DIST_DIR === SHARED_DIST && existsSync(lock) && readFileSync(lock, "utf8") === String(process.pid)) rmSync(lock, { force: true });
}

type Part = "typecheck" | "lint" | "unit" | "integration" | "e2e";
const PARTS: Part[] = ["typecheck", "lint", "unit", "integration", "e2e"];

const started = performance.now();
const failed: string[] = [];
const counts = { passed: 0, failed: 0 };
const running = new Set<ChildProcess>();
let pgDataDir: string | undefined;
let interrupted = false;
let finished = false;

const log = (line: string) => console.log(`[test] ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { parts: Set<Part>; extra: string[] } {
  const split = argv.indexOf("--");
  const own = split === -1 ? argv : argv.slice(0, split);
  const extra = split === -1 ? [] : argv.slice(split + 1);
  const parts = new Set<Part>();
  for (const arg of own) {
    const part = PARTS.find((p) => arg === `--${p}`);
    if (!part)
      throw new UsageError(`Unknown option ${arg}. Use ${PARTS.map((p) => `--${p}`).join(", ")}, then -- and the runner's own arguments.`);
    parts.add(part);
  }
  return { parts: parts.size ? parts : new Set(PARTS), extra };
}

function findChromium(): string | undefined {
  // Debian's chromium-headless-shell (the headless-only build Playwright itself uses for headless runs) needs about
  // half the processor time of the full browser for the same tests; the full browser serves when it is missing.
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c) => existsSync(c));
}

/** Sends a signal to the running tools and everything they started (each its own process group). */
function signalChild(signal: NodeJS.Signals) {
  for (const child of running) {
    if (!child.pid) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Runs a command with the terminal's output attached; resolves to its exit code. The tool gets its
 * own process group so that an interrupt reaches its workers too (Vitest's forks, Playwright's
 * web server), and no stdin, which a background process group must not read.
 */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  output: "inherit" | number = "inherit",
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", output, output], env, detached: true });
    running.add(child);
    child.once("error", (err) => {
      running.delete(child);
      console.error(`Could not run ${command}: ${err.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function step(name: string, body: () => Promise<boolean>): Promise<boolean> {
  if (interrupted) return false;
  const since = performance.now();
  log(`${name}…`);
  let ok: boolean;
  try {
    ok = await body();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    ok = false;
  }
  log(`${name} ${ok ? "passed" : "FAILED"} (${seconds(since)})`);
  if (!ok) failed.push(name);
  return ok;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Adds a runner's test counts from its JSON report; false when the runner left no report. */
function addVitestCounts(file: string): boolean {
  const report = readJson(file) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  if (!report) return false;
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  return true;
}

function addPlaywrightCounts(file: string): boolean {
  const report = readJson(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
  if (!report?.stats) return false;
  counts.passed += report.stats.expected ?? 0;
  counts.failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
  return true;
}

/** serverUrl signs in as the owner; appServerUrl as the app role. */
type Server = { serverUrl: string; appServerUrl?: string; stop: () => Promise<void> };

/** One PostgreSQL for the whole run: the embedded one, or TEST_DATABASE_URL's server when set. */
async function startDatabase(): Promise<Server> {
  const own = process.env.TEST_DATABASE_URL;
  if (own) {
    assertLocalDatabaseUrl(own, "TEST_DATABASE_URL");
    log("using the PostgreSQL server from TEST_DATABASE_URL");
    return { serverUrl: databaseUrl(own, "postgres"), stop: async () => {} };
  }
  // Our own folder, so it can be removed even when the run is interrupted (see the exit handler).
  pgDataDir = mkdtempSync(path.join(os.tmpdir(), "apc-test-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir: pgDataDir, log: (line) => log(`postgres: ${line}`) });
  log(`embedded PostgreSQL on port ${pg.port}`);
  return {
    serverUrl: pg.url("postgres"),
    stop: async () => {
      // embedded-postgres waits for the server's exit event, which never comes if it has already exited.
      await Promise.race([pg.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (pgDataDir) rmSync(pgDataDir, { recursive: true, force: true });
      pgDataDir = undefined;
    },
  };
}

/**
 * The project's tsconfig without the test builds' folder, whose generated types the build may be writing while the
 * typecheck reads (tsconfig.json's `**\/*.ts` takes in every folder it does not exclude).
 */
function typecheckConfig(): string {
  const base = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as { exclude?: string[] };
  const exclude = [...(base.exclude ?? []), ".next-test"].map((p) => path.join(ROOT, p));
  mkdirSync(path.join(ROOT, ".next-test"), { recursive: true });
  writeFileSync(path.join(ROOT, TYPECHECK_TSCONFIG), JSON.stringify({ extends: "../tsconfig.json", exclude }));
  return TYPECHECK_TSCONFIG;
}

/** Why `next build` must run, or undefined when this run may reuse the last build. */
function buildReasonForRun(): string | undefined {
  if (process.env.CI === "true") return "CI=true";
  return buildReason(ROOT, DIST_DIR);
}

const NEXT_ENV = {
  NEXT_TELEMETRY_DISABLED: "1", // no calls home from `next build` / `next start`
  NEXT_DIST_DIR: DIST_DIR,
  NEXT_TSCONFIG: TSCONFIG,
};

/** Builds the app for the end-to-end tests unless an up-to-date build can be reused; false when the build failed. */
async function buildApp(): Promise<boolean> {
  mkdirSync(path.join(ROOT, ".next-test"), { recursive: true });
  writeFileSync(path.join(ROOT, TSCONFIG), JSON.stringify({ extends: "../tsconfig.json" }));
  const reason = buildReasonForRun();
  if (!reason) {
    log("next build: up to date, reusing .next");
    return true;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...NEXT_ENV };
  delete env.DATABASE_URL; // pages render per request: nothing reads the database while building
  return step(`next build (${reason})`, async () => (await run(path.join(BIN, "next"), ["build"], env)) === 0);
}

async function seedDatabase(url: string): Promise<void> {
  const file = path.join(ROOT, "prisma/seed.ts");
  if (!existsSync(file)) {
    log("prisma/seed.ts not found: skipping the seed, the e2e database is empty");
    return;
  }
  const { seed } = (await import(pathToFileURL(file).href)) as { seed?: (databaseUrl: string) => Promise<unknown> };
  if (typeof seed !== "function") throw new Error("prisma/seed.ts does not export `seed(databaseUrl)`.");
  await seed(url);
}

async function main(): Promise<void> {
  const { parts, extra } = parseArgs(process.argv.slice(2));
  const vitestProjects = (["unit", "integration"] as const).filter((p) => parts.has(p));
  if (extra.length && vitestProjects.length > 0 && parts.has("e2e")) {
    throw new UsageError("Arguments after -- go to one runner: add --unit/--integration (Vitest) or --e2e (Playwright).");
  }

  const chromium = parts.has("e2e") ? findChromium() : undefined;
  if (parts.has("e2e") && !chromium) {
    if (process.env.CHROMIUM_PATH) console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
    console.error(CHROMIUM_MISSING);
    process.exitCode = 1;
    return;
  }
  mkdirSync(RESULTS, { recursive: true });

  // With the end-to-end tests, the checks and Vitest run beside the build and Playwright at a lower priority (`nice`):
  // a Playwright run leaves about one core idle (it waits on the browser and the server in turn), which they take,
  // while the build, the browser and the server get the processor first whenever they want it, so the end-to-end
  // tests' waits are not squeezed. (Building first, alone, and starting them after was slower: the build took 67 s instead
  // of 183 s, but Playwright 911 s instead of 746 s.) Alone, typecheck and lint each keep about one core busy, so they
  // run side by side.
  const beside = parts.has("e2e");
  const tool = (name: string) => (beside ? ["nice", ["-n", "10", path.join(BIN, name)]] : [path.join(BIN, name), []]) as [string, string[]];
  const runTool = (name: string, args: string[], env?: NodeJS.ProcessEnv, output?: number) => {
    const [command, before] = tool(name);
    return run(command, [...before, ...args], env, output);
  };
  const checks = Promise.all([
    parts.has("typecheck") &&
      step("typecheck (tsc --noEmit)", async () => (await runTool("tsc", ["--noEmit", "-p", typecheckConfig()])) === 0),
    // ESLint (eslint.config.mjs: Next's rules, typescript-eslint and the layers) and Prettier's formatting.
    parts.has("lint") &&
      step("lint (eslint, prettier --check)", async () => {
        const eslint = await runTool("eslint", ["--max-warnings=0", "."]);
        const prettier = await runTool("prettier", ["--check", "--log-level=warn", "."]);
        return eslint === 0 && prettier === 0;
      }),
  ]);
  if (!beside) await checks;

  let server: Server | undefined;
  try {
    let ready = false;
    if (parts.has("integration") || parts.has("e2e")) {
      ready = await step(`database (${TEMPLATE_DB}, migrated)`, async () => {
        server = await startDatabase();
        await recreateDatabase(server.serverUrl, TEMPLATE_DB);
        const templateUrl = databaseUrl(server.serverUrl, TEMPLATE_DB);
        const applied = await migrateDatabase(templateUrl);
        log(`applied ${applied.length} migration(s)`);
        // Copies of the template keep its grants; the role itself belongs to the server.
        const password = randomBytes(18).toString("hex");
        if (!(await ensureAppRole(server.serverUrl, TEST_APP_ROLE, password))) {
          throw new Error(`The test run could not create the role ${TEST_APP_ROLE}: TEST_DATABASE_URL's user needs CREATEROLE.`);
        }
        await grantAppRole(templateUrl, TEST_APP_ROLE);
        server.appServerUrl = urlAs(server.serverUrl, TEST_APP_ROLE, password);
        return true;
      });
    }
    const database = ready ? server : undefined;

    // Vitest's output is kept and printed after Playwright's, so the two do not interleave.
    const vitestBeside = vitestProjects.length > 0 && beside;
    let vitest: Promise<unknown> = Promise.resolve();
    if (vitestProjects.length > 0) {
      const name = `vitest (${vitestProjects.join(" + ")})`;
      if (parts.has("integration") && !database) {
        failed.push(`${name}: skipped, no database`);
      } else {
        vitest = step(vitestBeside ? `${name}, beside the end-to-end tests at a lower priority` : name, async () => {
          const report = path.join(RESULTS, "vitest.json");
          rmSync(report, { force: true });
          const env: NodeJS.ProcessEnv = { ...process.env };
          delete env.DATABASE_URL; // tests get their database from the setup file, never from the shell
          if (database) {
            env.TEST_DATABASE_SERVER_URL = database.serverUrl;
            env.TEST_APP_SERVER_URL = database.appServerUrl;
            env.TEST_TEMPLATE_DB = TEMPLATE_DB;
          }
          const args = ["run", ...vitestProjects.flatMap((p) => ["--project", p])];
          args.push("--reporter=default", "--reporter=json", `--outputFile.json=${path.relative(ROOT, report)}`);
          const vitestArgs = [...args, ...(parts.has("e2e") ? [] : extra)];
          const code = await runTool("vitest", vitestArgs, env, vitestBeside ? openSync(VITEST_LOG, "w") : undefined);
          if (!addVitestCounts(report)) log("vitest wrote no JSON report");
          return code === 0;
        });
        if (!vitestBeside) await vitest;
      }
    }

    if (parts.has("e2e")) {
      if (!database) {
        failed.push("e2e: skipped, no database");
      } else {
        await runE2e(database, chromium!, extra, await buildApp());
      }
    }
    await checks;
    if (vitestBeside) {
      await vitest;
      if (existsSync(VITEST_LOG)) {
        log("vitest's output:");
        process.stdout.write(readFileSync(VITEST_LOG));
      }
    }
  } finally {
    if (DIST_DIR === SHARED_DIST) releaseSharedBuild();
    else rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
    rmSync(path.join(ROOT, TSCONFIG), { force: true });
    rmSync(path.join(ROOT, TYPECHECK_TSCONFIG), { force: true });
    if (server) {
      const since = performance.now();
      await server.stop();
      log(`database stopped (${seconds(since)})`);
    }
  }
}

/** The app's e-mail really goes out over SMTP, to a server of ours; tests/e2e/mailbox.ts reads what arrived from its file. */
async function runE2e(database: Server, chromium: string, extra: string[], built: boolean): Promise<void> {
  if (!built) return;
  const mailboxFile = path.join(RESULTS, `mailbox-${process.pid}.jsonl`);
  rmSync(mailboxFile, { force: true });
  const smtp = await startSmtpCapture({ file: mailboxFile });
  try {
    await runE2eWithMail(database, chromium, extra, { SMTP_URL: smtp.url, E2E_MAILBOX_FILE: mailboxFile });
  } finally {
    await smtp.stop();
  }
}

async function runE2eWithMail(database: Server, chromium: string, extra: string[], mailEnv: Record<string, string>): Promise<void> {
  // One server and one database per Playwright worker, so specs running side by side never see each
  // other's changes; each database is a copy of the first, seeded once.
  const shards = Math.max(1, Number.parseInt(process.env.E2E_WORKERS ?? "", 10) || E2E_WORKERS);
  const names = Array.from({ length: shards }, (_, i) => `${E2E_DB}_${i}`);
  const ports: number[] = [];
  for (const _ of names) ports.push(await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(database.appServerUrl!, names[0]),
    E2E_DATABASE_URLS: names.map((n) => databaseUrl(database.appServerUrl!, n)).join(","),
    APP_URL: `http://localhost:${ports[0]}`,
    E2E_PORTS: ports.join(","),
    CHROMIUM_PATH: chromium,
    ...NEXT_ENV,
    PW_RUN_ID: String(process.pid),
    ...mailEnv,
  };
  const seeded = await step(`e2e databases (${names.join(", ")}, seeded)`, async () => {
    await recreateDatabase(database.serverUrl, names[0], TEMPLATE_DB);
    await seedDatabase(databaseUrl(database.serverUrl, names[0]));
    for (const name of names.slice(1)) await recreateDatabase(database.serverUrl, name, names[0]);
    return true;
  });
  if (!seeded) return;

  await step(`playwright (${shards} worker${shards === 1 ? "" : "s"}, ports ${ports.join(", ")}, ${chromium})`, async () => {
    const report = path.join(RESULTS, `playwright-${process.pid}.json`);
    rmSync(report, { force: true });
    const code = await run(path.join(BIN, "playwright"), ["test", ...extra], env);
    if (!addPlaywrightCounts(report)) log("playwright wrote no JSON report");
    return code === 0;
  });
}

function printSummary() {
  if (failed.length) log(`failed: ${failed.join("; ")}`);
  log(`total ${seconds(started)}`);
  console.log(`Summary: ${counts.passed} passed, ${counts.failed} failed`);
}

// embedded-postgres stops its server on SIGINT/SIGTERM and then exits the process itself;
// pass the signal on to the running tool, and tidy up synchronously on the way out.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal} received, stopping`);
    interrupted = true;
    failed.push(`interrupted (${signal})`);
    signalChild(signal);
  });
}
process.on("exit", (code) => {
  if (finished) return;
  signalChild("SIGKILL");
  if (pgDataDir) rmSync(pgDataDir, { recursive: true, force: true });
  printSummary();
  if (code === 0) process.exitCode = 1;
});

main()
  .catch((err) => {
    console.error(err instanceof UsageError ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => {
    const code = Number(process.exitCode ?? 0) || (failed.length > 0 ? 1 : 0);
    printSummary();
    finished = true;
    // Exit explicitly: embedded-postgres' exit hook would otherwise turn an empty event loop into exit code 0.
    process.exit(code);
  });
