// `npm run bench:http [-- --duration 10 --connections 10]` (not part of `npm test`): what whole pages cost over
// HTTP at the scale `npm run bench` uses. A throw-away embedded PostgreSQL gets the demo data plus the generated
// portfolio (BENCH_SCALE: 5,000 credentials, 20,000 plans held by one provider, 200,000 audit events); the app is
// built if its code changed and served by `next start` as `npm start` serves it; staff and the provider that
// holds the plans sign in; then autocannon asks for each page with `--connections` clients for `--duration`
// seconds, one page after another. The last row is the cheapest dynamic page (`/accessibility`: rendered per
// request for its CSP nonce, no data read), the floor the framework sets on this machine. Prints a markdown
// table and writes it to bench-results/http.md, with the raw figures in bench-results/http.json.
// Targets 127.0.0.1 only; every loop is bounded in count and time.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { needsBuild } from "./lib/build-state";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { formsWithButton, multipart } from "./lib/forms";
import { applyMigrations, ensureDatabase } from "./lib/migrate";
import { BENCH_SCALE, seedScale } from "./lib/seed-scale";
import { children, run, stopChildren, waitForServer } from "./lib/children";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const DIST_DIR = ".next-test/bench-http";
const TSCONFIG = ".next-test/tsconfig.bench-http.json";
const RESULTS = path.join(ROOT, "bench-results");
const log = (line: string) => console.log(`[bench:http] ${line}`);

function flag(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
}
const DURATION_S = flag("duration", 10, 120);
const CONNECTIONS = flag("connections", 10, 100);

type Who = "public" | "staff" | "provider";
/** The pages measured, and who asks for them. The last is the floor every page pays. */
const PAGES: { path: string; as: Who; label: string }[] = [
  { path: "/catalogue", as: "public", label: "`/catalogue` (public)" },
  { path: "/dashboard", as: "provider", label: "`/dashboard` (provider)" },
  { path: "/impact", as: "provider", label: "`/impact` (provider)" },
  { path: "/credentials", as: "staff", label: "`/credentials` (staff)" },
  { path: "/delivery-plans", as: "staff", label: "`/delivery-plans` (staff)" },
  { path: "/accessibility", as: "staff", label: "`/accessibility` (minimal dynamic page)" },
];

/** Signs in through the form, as a browser without JavaScript does, and returns the session cookie. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const [hidden] = formsWithButton(await page.text(), "Sign in");
  if (!hidden) throw new Error("The sign-in page has no sign-in form");
  const { body, contentType } = multipart([...hidden, ["email", email], ["password", DEMO_PASSWORD]]);
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": contentType, origin: baseUrl },
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 303 || !cookie) throw new Error(`Signing in as ${email} failed (${response.status})`);
  return cookie;
}

type Measured = {
  page: string;
  path: string;
  as: Who;
  p50: number;
  p95: number;
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
};

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function measure(baseUrl: string, path: string, cookie: string): Promise<Omit<Measured, "page" | "path" | "as">> {
  // Each response's latency, from the moment its request is set up: autocannon's own summary has no p95.
  const latencies: number[] = [];
  let non2xx = 0;
  type Context = { sentAt?: number };
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 60,
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Context) => ((context.sentAt = performance.now()), request),
        onResponse: (status: number, _body: string, context: Context) => {
          latencies.push(performance.now() - (context.sentAt ?? performance.now()));
          if (status < 200 || status > 299) non2xx++;
        },
      },
    ],
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    non2xx,
    errors: result.errors,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s`;

function table(rows: Measured[]): string {
  const floor = rows.at(-1)!.p95 || 1;
  const lines = [
    "| Page | p50 | p95 | req/s | p95 ÷ minimal page p95 |",
    "|---|---|---|---|---|",
    ...rows.map(
      (r) => `| ${r.page} | ${seconds(r.p50)} | ${seconds(r.p95)} | ${r.requestsPerSecond.toFixed(1)} | ${(r.p95 / floor).toFixed(1)} |`,
    ),
  ];
  return lines.join("\n");
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "apc-bench-http-pg-"));
  let stopPg: (() => Promise<void>) | undefined;
  try {
    const pgServer = await startEmbeddedPostgres({ dataDir, log: (line) => log(`postgres: ${line}`) });
    stopPg = () => Promise.race([pgServer.stop(), new Promise<void>((r) => setTimeout(r, 10_000))]);
    await ensureDatabase(pgServer.url("postgres"), "apc_bench_http");
    const databaseUrl = pgServer.url("apc_bench_http");
    log(`applied ${(await applyMigrations(databaseUrl)).length} migration(s)`);
    const { seed } = (await import(pathToFileURL(path.join(ROOT, "prisma/seed.ts")).href)) as { seed: (url: string) => Promise<unknown> };
    await seed(databaseUrl);
    await seedScale(databaseUrl, BENCH_SCALE);
    log(
      `seeded the demo data and ${BENCH_SCALE.credentials} credentials, ${BENCH_SCALE.credentials * BENCH_SCALE.plansPerCredential} plans, ${BENCH_SCALE.auditEvents} audit events`,
    );

    // seedScale gives every generated plan to the first education provider by name: sign in as one of its people.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ email: string }>(
      `SELECT u.email FROM "User" u WHERE u.role = 'PROVIDER' AND u.active AND u."organisationId" =
         (SELECT id FROM "Organisation" WHERE kind = 'EDUCATION_PROVIDER' ORDER BY name LIMIT 1) ORDER BY u.email LIMIT 1`,
    );
    await client.end();
    if (!rows[0]) throw new Error("No provider user belongs to the organisation that holds the generated plans");

    const port = await freePort();
    const baseUrl = `http://${HOST}:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      APP_URL: baseUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TSCONFIG: TSCONFIG,
      // As `npm start`: x-forwarded-for is the socket's address.
      NODE_OPTIONS: `--require ${JSON.stringify(path.join(ROOT, "scripts/client-address.cjs"))}`,
      // Every client here is one address: the public budget is still spent on each request but set too high to
      // refuse (PUBLIC_REQUESTS_PER_MINUTE=0 in the environment measures the pages without it).
      PUBLIC_REQUESTS_PER_MINUTE: process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "1000000",
    };
    const next = path.join(ROOT, "node_modules/.bin/next");
    mkdirSync(path.join(ROOT, ".next-test"), { recursive: true });
    writeFileSync(path.join(ROOT, TSCONFIG), JSON.stringify({ extends: "../tsconfig.json" }));
    if (needsBuild(ROOT, DIST_DIR)) {
      log("next build…");
      await run(next, ["build"], env);
    }
    const server = spawn(next, ["start", "-p", String(port), "-H", HOST], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(server);
    await waitForServer(`${baseUrl}/sign-in`, 120_000);

    const cookies: Record<Who, string> = {
      public: "",
      staff: await signIn(baseUrl, DEMO_USERS.CENTRE_STAFF.email),
      provider: await signIn(baseUrl, rows[0].email),
    };
    // Not measured: the first request to each route loads its code.
    for (const p of PAGES) {
      const response = await fetch(`${baseUrl}${p.path}`, {
        headers: { cookie: cookies[p.as] },
        redirect: "manual",
        signal: AbortSignal.timeout(120_000),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${p.path} answered ${response.status} when warming up`);
    }

    const measured: Measured[] = [];
    for (const p of PAGES) {
      log(`${p.path} as ${p.as}: ${CONNECTIONS} clients for ${DURATION_S} s…`);
      measured.push({ page: p.label, path: p.path, as: p.as, ...(await measure(baseUrl, p.path, cookies[p.as])) });
    }
    const markdown = table(measured);
    const failed = measured.filter((m) => m.non2xx > 0 || m.errors > 0);
    const note = `${CONNECTIONS} clients, ${DURATION_S} s per page, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), ${new Date().toISOString().slice(0, 16)} UTC.`;
    console.log(`\n${markdown}\n\n${note}`);
    for (const m of failed) console.log(`${m.path}: ${m.non2xx} non-2xx responses, ${m.errors} errors`);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, "http.md"), `${markdown}\n\n${note}\n`);
    writeFileSync(
      path.join(RESULTS, "http.json"),
      `${JSON.stringify({ connections: CONNECTIONS, durationSeconds: DURATION_S, scale: BENCH_SCALE, cores: os.cpus().length, at: new Date().toISOString(), pages: measured }, null, 2)}\n`,
    );
    log(`wrote ${path.relative(ROOT, path.join(RESULTS, "http.md"))} and http.json`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await stopChildren();
    await stopPg?.();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.join(ROOT, TSCONFIG), { force: true });
  }
}

main().catch(async (err) => {
  console.error(`[bench:http] ${err instanceof Error ? err.message : String(err)}`);
  await stopChildren();
  process.exitCode = 1;
});
