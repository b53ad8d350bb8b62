// `npm run loadtest [-- --users 50 --duration 60 --reuse-build]`: simulated users of every role browse and make
// changes against `next start` on a freshly seeded throw-away database, the way a browser without JavaScript does
// (GET the page, POST the form with its hidden `$ACTION_…` fields). Prints throughput, latency and errors, then
// checks in the database that every change the server acknowledged is there exactly once with one audit event.
// Targets 127.0.0.1 only; every loop is bounded in count and time.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_USERS, type DemoRole } from "../prisma/demo-users";
import { formsWithButton, multipart } from "./lib/forms";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations, ensureDatabase } from "./lib/migrate";
import { children, run, stopChildren, waitForServer } from "./lib/children";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const DIST_DIR = ".next-test/loadtest";
const TSCONFIG = `.next-test/tsconfig.loadtest.json`;
const log = (line: string) => console.log(`[loadtest] ${line}`);

function flag(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
}
const USERS = flag("users", 50, 500);
const DURATION_S = flag("duration", 60, 600);
const REUSE_BUILD = process.argv.includes("--reuse-build");

// --- processes ---------------------------------------------------------------------------------------------

// --- what the simulated users do ---------------------------------------------------------------------------

type Targets = { roundId: string; draftPage: string; reviewPage: string | null };
type Change = { kind: "comment" | "priority" | "read"; token: string };
type Step = {
  method: "GET" | "POST";
  path: string;
  fields?: [string, string][];
  expect: (status: number, location: string, body: string) => boolean;
  then?: (body: string, ok: boolean) => void;
};

const BROWSE: Record<DemoRole, string[]> = {
  CENTRE_STAFF: ["/dashboard", "/priorities", "/credentials", "/commissions", "/delivery-plans", "/impact/portfolio", "/notifications"],
  EXPERT: ["/dashboard", "/credentials", "/commissions", "/notifications"],
  PROVIDER: ["/dashboard", "/delivery-plans", "/catalogue", "/quality-reviews", "/notifications"],
  REVIEWER: ["/dashboard", "/credentials", "/notifications"],
};
const ROLES = Object.keys(DEMO_USERS) as DemoRole[];

class SimulatedUser {
  readonly role: DemoRole;
  private cookie = "";
  private queue: Step[] = [];
  private iteration = 0;
  constructor(
    private readonly n: number,
    private readonly targets: Targets,
    private readonly acknowledged: Change[],
    private readonly attempted: Change[],
  ) {
    this.role = ROLES[n % ROLES.length];
  }

  headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  next(): Step {
    if (this.queue.length === 0) this.plan();
    return this.queue.shift()!;
  }

  keepCookies(setCookie: string | string[] | undefined) {
    for (const c of [setCookie ?? []].flat()) {
      const [pair] = c.split(";");
      const name = pair.split("=")[0];
      const others = this.cookie.split("; ").filter((p) => p && !p.startsWith(`${name}=`));
      this.cookie = [...others, pair].join("; ");
    }
  }

  private submit(
    page: string,
    button: string,
    fields: [string, string][],
    ok: (status: number, location: string, body: string) => boolean,
    change?: Change,
  ) {
    this.queue.push({
      method: "GET",
      path: page,
      expect: (s) => s === 200,
      then: (body) => {
        const forms = formsWithButton(body, button);
        if (forms.length === 0) return;
        const hidden = forms[this.iteration % forms.length];
        if (change) this.attempted.push(change);
        this.queue.unshift({
          method: "POST",
          path: page,
          fields: [...hidden, ...fields],
          expect: ok,
          then: (_body, acked) => void (acked && change && this.acknowledged.push(change)),
        });
      },
    });
  }

  private plan() {
    this.iteration++;
    if (!this.cookie) {
      const user = DEMO_USERS[this.role];
      this.submit(
        "/sign-in",
        "Sign in",
        [
          ["email", user.email],
          ["password", user.password],
        ],
        (s, l) => s === 303 && l.endsWith("/dashboard"),
      );
      return;
    }
    const pages = BROWSE[this.role];
    for (let i = 0; i < 3; i++)
      this.queue.push({ method: "GET", path: pages[(this.iteration + i) % pages.length], expect: (s) => s === 200 });
    const token = `lt-${this.n}-${this.iteration}-${randomBytes(3).toString("hex")}`;
    if (this.role === "CENTRE_STAFF" && this.iteration % 2 === 0) {
      this.submit(
        `/priorities/new?round=${this.targets.roundId}`,
        "Add priority",
        [
          ["title", `Load test priority ${token}`],
          ["workforceNeed", "Too few advanced practitioners for the demand."],
          ["populationNeed", "Patients wait too long for assessment."],
          ["longTermPlanLink", "Chapter 3."],
          ["professions", "Nursing\nPhysiotherapy"],
          ["estimatedScale", "100"],
        ],
        (s, l) => s === 303 && /^\/priorities\/[^/?]+$/.test(new URL(l, "http://x").pathname),
        { kind: "priority", token },
      );
    } else if (this.role === "PROVIDER") {
      this.submit("/notifications", "Mark all as read", [], (s, l) => s === 303 && l.includes("done=read"), {
        kind: "read",
        token,
      });
    } else {
      const page = this.role === "REVIEWER" ? this.targets.reviewPage : this.targets.draftPage;
      if (!page) return;
      this.submit(page, "Add comment", [["body", `Load test comment ${token}`]], (s, l) => s === 303 && l.includes("done=commented"), {
        kind: "comment",
        token,
      });
    }
  }
}

// --- the run -----------------------------------------------------------------------------------------------

async function findTargets(client: pg.Client): Promise<Targets> {
  const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0];
  const round = await one(`SELECT id FROM "PriorityRound" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`);
  const draft = await one(
    `SELECT v."credentialId", v.number FROM "SpecificationVersion" v JOIN "Credential" c ON c.id = v."credentialId"
     JOIN "User" u ON u."organisationId" = c."ownerOrganisationId" WHERE u.email = $1 AND v.status = 'DRAFT' ORDER BY c.reference LIMIT 1`,
    [DEMO_USERS.EXPERT.email],
  );
  const review = await one(
    `SELECT v."credentialId", v.number FROM "ReviewerAssignment" a JOIN "EndorsementReview" r ON r.id = a."reviewId"
     JOIN "SpecificationVersion" v ON v.id = r."specificationVersionId" JOIN "User" u ON u.id = a."reviewerId"
     WHERE u.email = $1 AND a.status <> 'WITHDRAWN' LIMIT 1`,
    [DEMO_USERS.REVIEWER.email],
  );
  if (!round || !draft) throw new Error("The seed has no open priority round or no draft specification for the demo expert");
  return {
    roundId: round.id,
    draftPage: `/credentials/${draft.credentialId}/versions/${draft.number}`,
    reviewPage: review ? `/credentials/${review.credentialId}/versions/${review.number}` : null,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/**
 * Not measured: one sign-in per role and one visit to each page, so the first requests of the run do not pay
 * for `next start` loading each route's code.
 */
async function warmUp(baseUrl: string): Promise<void> {
  const paths = new Set(["/sign-in", "/catalogue", ...Object.values(BROWSE).flat()]);
  const cookie = await (async () => {
    const signIn = await fetch(`${baseUrl}/sign-in`);
    const [hidden] = formsWithButton(await signIn.text(), "Sign in");
    if (!hidden) return "";
    const user = DEMO_USERS.CENTRE_STAFF;
    const { body, contentType } = multipart([...hidden, ["email", user.email], ["password", user.password]]);
    const response = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "content-type": contentType, origin: baseUrl },
    });
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  })();
  for (const p of paths) await (await fetch(`${baseUrl}${p}`, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
  log(`warmed up ${paths.size} pages`);
}

async function load(baseUrl: string, targets: Targets) {
  const acknowledged: Change[] = [];
  const attempted: Change[] = [];
  const users = new Map<number, SimulatedUser>();
  const latencies: number[] = [];
  const unexpected = new Map<string, number>();
  let throttledSignIns = 0;
  let nextUser = 0;
  type Context = { user?: number; step?: Step; sentAt?: number };

  const requests = [
    {
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        // Each connection is one simulated user; autocannon clears the context when it wraps around its
        // request list, and a cleared context simply becomes the next user, who signs in afresh.
        if (context.user === undefined) {
          context.user = nextUser++;
          users.set(context.user, new SimulatedUser(context.user, targets, acknowledged, attempted));
        }
        const user = users.get(context.user)!;
        const step = user.next();
        context.step = step;
        context.sentAt = performance.now();
        const headers: Record<string, string> = { ...user.headers(), accept: "text/html" };
        // A browser sends its origin with a form POST; Next refuses server actions from another origin.
        if (step.method === "POST") headers.origin = baseUrl;
        if (step.method === "POST") {
          const { body, contentType } = multipart(step.fields ?? []);
          return { ...request, method: "POST", path: step.path, headers: { ...headers, "content-type": contentType }, body };
        }
        return { ...request, method: "GET", path: step.path, headers, body: undefined };
      },
      onResponse: (status: number, body: string, context: Context, headers: Record<string, string | string[]>) => {
        latencies.push(performance.now() - (context.sentAt ?? performance.now()));
        const user = users.get(context.user!)!;
        const get = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
        user.keepCookies(get("set-cookie"));
        const step = context.step!;
        const location = String(get("location") ?? "");
        const ok = step.expect(status, location, body);
        // A dozen simulated users share each demo account and sign in again whenever autocannon starts their
        // connection afresh: a burst of sign-ins to one account is what the account throttle slows (lib/auth/sign-in.ts).
        // Counted apart from errors; the user signs in again on its next turn.
        if (!ok && step.method === "POST" && step.path === "/sign-in" && status === 200 && body.includes("Too many attempts")) {
          throttledSignIns++;
        } else if (!ok) {
          const key = `${step.method} ${step.path.split("?")[0]} → ${status}`;
          unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
        }
        step.then?.(body, ok);
      },
    },
  ];

  const result = await autocannon({
    url: baseUrl,
    connections: USERS,
    duration: DURATION_S,
    timeout: 30,
    // The request list is only a loop: the simulated user decides each request in setupRequest.
    requests: Array.from({ length: 1000 }, () => requests[0]),
  });
  return { result, acknowledged, attempted, latencies: latencies.sort((a, b) => a - b), unexpected, throttledSignIns };
}

async function verify(client: pg.Client, acknowledged: Change[], attempted: Change[]) {
  const counts = async (kind: Change["kind"], token: string) => {
    const sql =
      kind === "comment"
        ? `SELECT x.id, (SELECT count(*) FROM "AuditEvent" a WHERE a."entityId" = x.id)::int AS audits FROM "Comment" x WHERE x.body = $1`
        : `SELECT x.id, (SELECT count(*) FROM "AuditEvent" a WHERE a."entityId" = x.id)::int AS audits FROM "Priority" x WHERE x.title = $1`;
    const text = kind === "comment" ? `Load test comment ${token}` : `Load test priority ${token}`;
    return (await client.query<{ id: string; audits: number }>(sql, [text])).rows;
  };
  let lost = 0;
  let duplicated = 0;
  let committedUnacknowledged = 0;
  const acked = new Set(acknowledged.map((c) => c.token));
  // Marking notifications read changes no audited record; only its acknowledgement is counted.
  for (const change of attempted.filter((c) => c.kind !== "read")) {
    const rows = await counts(change.kind, change.token);
    if (acked.has(change.token)) {
      if (rows.length === 0) lost++;
      if (rows.length > 1 || rows.some((r) => r.audits !== 1)) duplicated++;
    } else if (rows.length > 0) {
      committedUnacknowledged++;
      if (rows.length > 1 || rows.some((r) => r.audits !== 1)) duplicated++;
    }
  }
  return { lost, duplicated, committedUnacknowledged };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "apc-loadtest-pg-"));
  let stopPg: (() => Promise<void>) | undefined;
  try {
    log(`${USERS} users for ${DURATION_S} s`);
    const pgServer = await startEmbeddedPostgres({ dataDir, log: (line) => log(`postgres: ${line}`) });
    stopPg = () => Promise.race([pgServer.stop(), new Promise<void>((r) => setTimeout(r, 10_000))]);
    await ensureDatabase(pgServer.url("postgres"), "apc_loadtest");
    const databaseUrl = pgServer.url("apc_loadtest");
    log(`applied ${(await applyMigrations(databaseUrl)).length} migration(s)`);
    const { seed } = (await import(pathToFileURL(path.join(ROOT, "prisma/seed.ts")).href)) as { seed: (url: string) => Promise<unknown> };
    await seed(databaseUrl);
    log("seeded");

    const port = await freePort();
    const baseUrl = `http://${HOST}:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TSCONFIG: TSCONFIG,
      // Every simulated user comes from this one address: the public budget would refuse them, not measure the app.
      PUBLIC_REQUESTS_PER_MINUTE: "0",
    };
    const next = path.join(ROOT, "node_modules/.bin/next");
    if (!REUSE_BUILD || !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
      mkdirSync(path.join(ROOT, ".next-test"), { recursive: true });
      writeFileSync(path.join(ROOT, TSCONFIG), JSON.stringify({ extends: "../tsconfig.json" }));
      log("next build…");
      await run(next, ["build"], env);
    }
    const server = spawn(next, ["start", "-p", String(port), "-H", HOST], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(server);
    await waitForServer(`${baseUrl}/sign-in`, 120_000);
    await warmUp(baseUrl);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const targets = await findTargets(client);
      log(`running against ${baseUrl}`);
      const { result, acknowledged, attempted, latencies, unexpected, throttledSignIns } = await load(baseUrl, targets);
      // autocannon counts a timeout as an error too.
      const unexpectedCount = [...unexpected.values()].reduce((a, b) => a + b, 0);
      const errors = result.errors + unexpectedCount;
      console.log(`
Requests:        ${result.requests.total} in ${result.duration} s (${(result.requests.total / result.duration).toFixed(1)} requests/s)
Latency (ms):    p50 ${percentile(latencies, 50).toFixed(0)}, p95 ${percentile(latencies, 95).toFixed(0)}, p99 ${percentile(latencies, 99).toFixed(0)}
Errors:          ${errors} (socket errors ${result.errors - result.timeouts}, timeouts ${result.timeouts}, unexpected responses ${unexpectedCount})`);
      for (const [key, n] of unexpected) console.log(`                 ${n} × ${key}`);
      console.log(`Sign-ins slowed by the account throttle (users sharing a demo account): ${throttledSignIns}`);
      const { lost, duplicated, committedUnacknowledged } = await verify(client, acknowledged, attempted);
      const audited = (list: Change[]) => list.filter((c) => c.kind !== "read").length;
      console.log(`Changes:         ${audited(acknowledged)} acknowledged of ${audited(attempted)} submitted (comments and priorities); ${acknowledged.length - audited(acknowledged)} of ${attempted.length - audited(attempted)} "mark all as read"
Checked in DB:   ${lost} lost, ${duplicated} duplicated or without exactly one audit event, ${committedUnacknowledged} committed but not acknowledged`);
      if (lost > 0 || duplicated > 0) process.exitCode = 1;
    } finally {
      await client.end();
    }
  } finally {
    await stopChildren();
    await stopPg?.();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.join(ROOT, TSCONFIG), { force: true });
  }
}

main().catch((err) => {
  console.error(`[loadtest] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
