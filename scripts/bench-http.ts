// `npm run bench:http [-- --factor 0.1 --duration 3 --rounds 2]` (not part of `npm test`): what whole pages cost over
// HTTP at national scale, beside what their data and the framework cost. A throw-away embedded PostgreSQL gets the
// demo data plus the scale portfolio (scripts/lib/seed-scale.ts) at `--factor`; the app is built if its code
// changed and served by `next start` as `npm start` serves it; one person of each role signs in. Then, for 1 and
// for 20 concurrent clients, autocannon asks for every case for `--duration` seconds, `--rounds` times over
// (after a warm-up), and percentiles come from every response's own latency. Beside each page:
//   (a) the data limit: the page's main SQL (a hand-written equivalent of its data-layer query) run through `pg`
//       at the same concurrency;
//   (b) the framework limit: `/accessibility`, a dynamic page of the same app and layout that reads no data.
// It also reports each route's first-load JavaScript (gzip, the scripts its HTML loads) and the web server's peak
// memory (VmRSS summed over its processes, sampled from /proc). Prints a table; writes bench-results/http.md and
// http.json. Targets 127.0.0.1 only; every loop is bounded in count and time.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { needsBuild } from "./lib/build-state";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { formsWithButton, multipart } from "./lib/forms";
import { applyMigrations, ensureDatabase } from "./lib/migrate";
import { encodeCursor } from "../lib/data/keyset";
import { parseFactor, seedScale } from "./lib/seed-scale";
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
const factorAt = process.argv.indexOf("--factor");
const FACTOR = parseFactor(factorAt === -1 ? undefined : process.argv[factorAt + 1], 0.1);
const DURATION_S = flag("duration", 3, 60);
const ROUNDS = flag("rounds", 2, 10);
const CONCURRENCY = [1, 20] as const;
const TARGETS = { frameworkRatio: 2.5, sqlRatio: 5, firstLoadJsKb: 150, peakRssMb: 400 };

type Who = "public" | "staff" | "expert" | "provider" | "reviewer";
type Sql = { text: string; values?: unknown[] };
type Case = { name: string; path: string; as: Who; sql?: Sql };
const FRAMEWORK = "framework floor";

/** The ids the cases ask for, looked up in the seeded database. */
type Ids = {
  providerOrg: string;
  providerEmail: string;
  expertOrg: string;
  expertEmail: string;
  reviewerId: string;
  reviewerEmail: string;
  staffId: string;
  providerUserId: string;
  credential: string;
  version: number;
  plan: string;
  review: string;
  completion: string;
  impact: string;
  reference: string;
};

async function lookUp(client: pg.Client): Promise<Ids> {
  const one = async (sql: string) => (await client.query(sql)).rows[0];
  const plan = await one(
    `SELECT id, "organisationId" FROM "DeliveryPlan" WHERE id LIKE 'sc-%' AND status = 'APPROVED' ORDER BY id LIMIT 1`,
  );
  const provider = await one(`SELECT id, email FROM "User" WHERE "organisationId" = '${plan.organisationId}' ORDER BY email LIMIT 1`);
  const expert = await one(`SELECT u.id, u.email, u."organisationId" FROM "User" u WHERE u.id LIKE 'sc-org-e-%' ORDER BY u.id LIMIT 1`);
  const reviewer = await one(
    `SELECT u.id, u.email FROM "User" u JOIN "QualityReviewer" q ON q."reviewerId" = u.id GROUP BY u.id ORDER BY u.id LIMIT 1`,
  );
  const staff = await one(`SELECT id FROM "User" WHERE email = '${DEMO_USERS.CENTRE_STAFF.email}'`);
  const credential = await one(
    `SELECT c.id, c.reference, v.number FROM "Credential" c JOIN "SpecificationVersion" v ON v.id = c."endorsedVersionId" WHERE c.id LIKE 'sc-%' AND c.status = 'ENDORSED' ORDER BY c.id LIMIT 1`,
  );
  const review = await one(`SELECT id FROM "QualityReview" WHERE id LIKE 'sc-%' AND status = 'CLOSED' ORDER BY id LIMIT 1`);
  const completion = await one(`SELECT id FROM "Completion" WHERE id LIKE 'sc-%' AND status = 'RECOGNISED' ORDER BY id LIMIT 1`);
  const impact = await one(`SELECT id FROM "ImpactReturn" WHERE id LIKE 'sc-%' AND status = 'ACCEPTED' ORDER BY id LIMIT 1`);
  return {
    providerOrg: plan.organisationId,
    providerEmail: provider.email,
    providerUserId: provider.id,
    expertOrg: expert.organisationId,
    expertEmail: expert.email,
    reviewerId: reviewer.id,
    reviewerEmail: reviewer.email,
    staffId: staff.id,
    credential: credential.id,
    reference: credential.reference,
    version: credential.number,
    plan: plan.id,
    review: review.id,
    completion: completion.id,
    impact: impact.id,
  };
}

/**
 * The cases, each with the SQL its page mainly waits on: the data layer's list query and its count, or the
 * record's read, written out by hand after lib/data (same filters, order and page size).
 */
function cases(
  ids: Ids,
  deep: { credentials: number; plans: number; completions: number; directory: number; catalogue: { title: string; id: string } },
): Case[] {
  const count = (table: string, where: string) => `(SELECT count(*) FROM "${table}" WHERE ${where})`;
  return [
    {
      name: "dashboard (staff)",
      path: "/dashboard",
      as: "staff",
      sql: {
        text: `SELECT ${count("DeliveryPlan", `status IN ('SUBMITTED','IN_REVIEW')`)}, ${count("SpecificationVersion", `status IN ('SUBMITTED','IN_REVIEW')`)},
          ${count("AnnualReturn", `status = 'SUBMITTED'`)}, ${count("ImpactReturn", `status = 'SUBMITTED'`)}, ${count("QualityAction", `status = 'RESPONDED'`)},
          ${count("AnnualReturn", `status IN ('OPEN','QUERIED') AND "dueOn" < now()`)}`,
      },
    },
    {
      name: "dashboard (expert)",
      path: "/dashboard",
      as: "expert",
      sql: {
        text: `SELECT c.id, c.reference, c.title, c.status, (SELECT v.status FROM "SpecificationVersion" v WHERE v."credentialId" = c.id ORDER BY v.number DESC LIMIT 1)
          FROM "Credential" c WHERE c."ownerOrganisationId" = $1 ORDER BY c.reference LIMIT 10`,
        values: [ids.expertOrg],
      },
    },
    {
      name: "dashboard (provider)",
      path: "/dashboard",
      as: "provider",
      sql: {
        text: `SELECT ${count("DeliveryPlan", `"organisationId" = $1 AND status IN ('DRAFT','CHANGES_REQUESTED')`)},
          (SELECT count(*) FROM "AnnualReturn" a JOIN "DeliveryPlan" p ON p.id = a."planId" WHERE p."organisationId" = $1 AND a.status IN ('OPEN','QUERIED')),
          ${count("QualityAction", `"organisationId" = $1 AND status = 'OPEN'`)}, ${count("ImpactReturn", `"organisationId" = $1 AND status IN ('DRAFT','QUERIED')`)},
          (SELECT array_agg(id) FROM (SELECT id FROM "DeliveryPlan" WHERE "organisationId" = $1 ORDER BY "updatedAt" DESC LIMIT 10) p)`,
        values: [ids.providerOrg],
      },
    },
    {
      name: "dashboard (reviewer)",
      path: "/dashboard",
      as: "reviewer",
      sql: {
        text: `SELECT q.id, q.status, q."scheduledOn" FROM "QualityReviewer" r JOIN "QualityReview" q ON q.id = r."qualityReviewId"
          WHERE r."reviewerId" = $1 AND q.status IN ('PLANNED','IN_PROGRESS') ORDER BY q."scheduledOn" LIMIT 10`,
        values: [ids.reviewerId],
      },
    },
    {
      name: "credentials, page 1",
      path: "/credentials",
      as: "staff",
      sql: {
        text: `SELECT c.id, c.reference, c.title, c.status, o.name, (SELECT count(*) FROM "Credential") FROM "Credential" c
          JOIN "Organisation" o ON o.id = c."ownerOrganisationId" ORDER BY c.reference LIMIT 50`,
      },
    },
    {
      name: `credentials, endorsed, page ${deep.credentials}`,
      path: `/credentials?status=ENDORSED&page=${deep.credentials}`,
      as: "staff",
      sql: {
        text: `SELECT c.id, c.reference, c.title, c.status, o.name, (SELECT count(*) FROM "Credential" WHERE status = 'ENDORSED') FROM "Credential" c
          JOIN "Organisation" o ON o.id = c."ownerOrganisationId" WHERE c.status = 'ENDORSED' ORDER BY c.reference LIMIT 50 OFFSET $1`,
        values: [(deep.credentials - 1) * 50],
      },
    },
    {
      name: "delivery plans, page 1 (provider)",
      path: "/delivery-plans",
      as: "provider",
      sql: {
        text: `SELECT p.id, p."programmeTitle", p.status, c.reference, (SELECT count(*) FROM "DeliveryPlan" WHERE "organisationId" = $1) FROM "DeliveryPlan" p
          JOIN "Credential" c ON c.id = p."credentialId" WHERE p."organisationId" = $1 ORDER BY p."updatedAt" DESC, p.id LIMIT 50`,
        values: [ids.providerOrg],
      },
    },
    {
      name: `delivery plans, approved, page ${deep.plans} (staff)`,
      path: `/delivery-plans?status=APPROVED&page=${deep.plans}`,
      as: "staff",
      sql: {
        text: `SELECT p.id, p."programmeTitle", p.status, c.reference, o.name, (SELECT count(*) FROM "DeliveryPlan" WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS'))
          FROM "DeliveryPlan" p JOIN "Credential" c ON c.id = p."credentialId" JOIN "Organisation" o ON o.id = p."organisationId"
          WHERE p.status IN ('APPROVED','APPROVED_WITH_CONDITIONS') ORDER BY p."updatedAt" DESC, p.id LIMIT 50 OFFSET $1`,
        values: [(deep.plans - 1) * 50],
      },
    },
    {
      name: "completions, page 1 (provider)",
      path: "/completions",
      as: "provider",
      sql: {
        text: `SELECT id, "practitionerName", status, "completedOn", (SELECT count(*) FROM "Completion" WHERE "organisationId" = $1) FROM "Completion"
          WHERE "organisationId" = $1 ORDER BY "createdAt" DESC, id LIMIT 50`,
        values: [ids.providerOrg],
      },
    },
    {
      name: `completions, recognised, page ${deep.completions} (staff)`,
      path: `/completions?status=RECOGNISED&page=${deep.completions}`,
      as: "staff",
      sql: {
        text: `SELECT id, "practitionerName", status, "completedOn", (SELECT count(*) FROM "Completion" WHERE status = 'RECOGNISED') FROM "Completion"
          WHERE status = 'RECOGNISED' ORDER BY "createdAt" DESC, id LIMIT 50 OFFSET $1`,
        values: [(deep.completions - 1) * 50],
      },
    },
    {
      name: "quality reviews (staff)",
      path: "/quality-reviews",
      as: "staff",
      sql: {
        text: `SELECT q.id, q.status, q."scheduledOn", p."programmeTitle", (SELECT count(*) FROM "QualityReview") FROM "QualityReview" q
          JOIN "DeliveryPlan" p ON p.id = q."planId" ORDER BY q.status, q."scheduledOn", q.id LIMIT 25`,
      },
    },
    {
      name: "impact returns (provider)",
      path: "/impact",
      as: "provider",
      sql: {
        text: `SELECT id, period, status, enrolled, completed, (SELECT count(*) FROM "ImpactReturn" WHERE "organisationId" = $1) FROM "ImpactReturn"
          WHERE "organisationId" = $1 ORDER BY period DESC, id LIMIT 25`,
        values: [ids.providerOrg],
      },
    },
    {
      name: "activity (staff)",
      path: "/activity",
      as: "staff",
      sql: { text: `SELECT id, "entityType", "entityId", action, "actorId", "createdAt" FROM "AuditEvent" ORDER BY id DESC LIMIT 26` },
    },
    {
      name: "notifications (provider)",
      path: "/notifications",
      as: "provider",
      sql: {
        text: `SELECT id, title, "readAt", "createdAt" FROM "Notification" WHERE "userId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 26`,
        values: [ids.providerUserId],
      },
    },
    {
      name: "directory, page 1 (public)",
      path: "/directory",
      as: "public",
      sql: { text: `SELECT id, name FROM "Practitioner" WHERE "listedInDirectory" ORDER BY name, id LIMIT 25` },
    },
    {
      name: `directory, page ${deep.directory} (public)`,
      path: `/directory?page=${deep.directory}`,
      as: "public",
      sql: {
        text: `SELECT id, name FROM "Practitioner" WHERE "listedInDirectory" ORDER BY name, id LIMIT 25 OFFSET $1`,
        values: [(deep.directory - 1) * 25],
      },
    },
    {
      name: "catalogue, page 1 (public)",
      path: "/catalogue",
      as: "public",
      sql: {
        text: `SELECT id, reference, title FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL ORDER BY reference LIMIT 21`,
      },
    },
    {
      // The catalogue pages by keyset (`?after=` names the last row seen): a cursor four fifths of the way through.
      name: "catalogue, clinical practice by title, deep (public)",
      path: `/catalogue?pillar=CLINICAL_PRACTICE&sort=title&after=${encodeCursor({ key: deep.catalogue.title, id: deep.catalogue.id })}`,
      as: "public",
      sql: {
        text: `WITH listed AS (SELECT c.id, c.reference, c.title FROM "Credential" c WHERE c.status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND c."publishedAt" IS NOT NULL
            AND EXISTS (SELECT 1 FROM "LearningOutcome" o WHERE o."specificationVersionId" = c."endorsedVersionId"
              AND ('CLINICAL_PRACTICE' = ANY (o.pillars) OR EXISTS (SELECT 1 FROM "OutcomeCapability" oc JOIN "CoreCapability" cc ON cc.id = oc."coreCapabilityId"
                WHERE oc."learningOutcomeId" = o.id AND cc.pillar = 'CLINICAL_PRACTICE'))))
          SELECT *, (SELECT count(*) FROM (SELECT 1 FROM listed LIMIT 1001) n) FROM listed WHERE title > $1 OR (title = $1 AND id > $2) ORDER BY title, id LIMIT 21`,
        values: [deep.catalogue.title, deep.catalogue.id],
      },
    },
    {
      name: "catalogue search (public)",
      path: "/catalogue?q=critical+care",
      as: "public",
      sql: {
        text: `SELECT id, reference, title FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL
          AND (title ILIKE '%critical care%' OR reference ILIKE '%critical care%' OR summary ILIKE '%critical care%') ORDER BY reference LIMIT 21`,
      },
    },
    {
      name: "impact portfolio (staff)",
      path: "/impact/portfolio",
      as: "staff",
      // The page's heaviest reads: the totals and the split by profession over every accepted return.
      sql: {
        text: `SELECT (SELECT json_build_array(count(*), sum(enrolled), sum(completed), sum(withdrawn), sum(deployed)) FROM "ImpactReturn" WHERE status = 'ACCEPTED'),
          (SELECT json_agg(x) FROM (SELECT b."professionId", sum(b.enrolled), sum(b.completed), sum(b.deployed) FROM "ImpactByProfession" b
            JOIN "ImpactReturn" i ON i.id = b."impactReturnId" WHERE i.status = 'ACCEPTED' GROUP BY b."professionId") x)`,
      },
    },
    {
      name: "credential",
      path: `/credentials/${ids.credential}`,
      as: "staff",
      sql: {
        text: `SELECT c.*, (SELECT json_agg(v) FROM (SELECT number, status FROM "SpecificationVersion" WHERE "credentialId" = c.id ORDER BY number DESC LIMIT 10) v),
          (SELECT count(*) FROM "DeliveryPlan" WHERE "credentialId" = c.id) FROM "Credential" c WHERE c.id = $1`,
        values: [ids.credential],
      },
    },
    {
      name: "specification version",
      path: `/credentials/${ids.credential}/versions/${ids.version}`,
      as: "staff",
      sql: {
        text: `SELECT v.*, (SELECT json_agg(o ORDER BY o.position) FROM "LearningOutcome" o WHERE o."specificationVersionId" = v.id) FROM "SpecificationVersion" v
          WHERE v."credentialId" = $1 AND v.number = $2`,
        values: [ids.credential, ids.version],
      },
    },
    {
      name: "delivery plan",
      path: `/delivery-plans/${ids.plan}`,
      as: "staff",
      sql: {
        text: `SELECT p.*, (SELECT json_agg(m) FROM "OutcomeMapping" m WHERE m."planId" = p.id), (SELECT count(*) FROM "AnnualReturn" WHERE "planId" = p.id)
          FROM "DeliveryPlan" p WHERE p.id = $1`,
        values: [ids.plan],
      },
    },
    {
      name: "quality review",
      path: `/quality-reviews/${ids.review}`,
      as: "staff",
      sql: {
        text: `SELECT q.*, (SELECT json_agg(f) FROM (SELECT * FROM "Finding" WHERE "qualityReviewId" = q.id ORDER BY "createdAt" LIMIT 10) f),
          (SELECT count(*) FROM "QualityAction" WHERE "qualityReviewId" = q.id) FROM "QualityReview" q WHERE q.id = $1`,
        values: [ids.review],
      },
    },
    {
      name: "completion",
      path: `/completions/${ids.completion}`,
      as: "staff",
      sql: {
        text: `SELECT c.*, p.name FROM "Completion" c JOIN "Practitioner" p ON p.id = c."practitionerId" WHERE c.id = $1`,
        values: [ids.completion],
      },
    },
    {
      name: "impact return",
      path: `/impact/${ids.impact}`,
      as: "staff",
      sql: {
        text: `SELECT i.*, (SELECT json_agg(b) FROM "ImpactByProfession" b WHERE b."impactReturnId" = i.id) FROM "ImpactReturn" i WHERE i.id = $1`,
        values: [ids.impact],
      },
    },
    {
      name: "catalogue entry (public)",
      path: `/catalogue/${ids.reference}`,
      as: "public",
      sql: {
        text: `SELECT c.*, (SELECT json_agg(o) FROM "LearningOutcome" o WHERE o."specificationVersionId" = c."endorsedVersionId"),
          (SELECT json_agg(x) FROM (SELECT o.name FROM "DeliveryPlan" p JOIN "Organisation" o ON o.id = p."organisationId"
            WHERE p."credentialId" = c.id AND p.status IN ('APPROVED','APPROVED_WITH_CONDITIONS') LIMIT 50) x)
          FROM "Credential" c WHERE c.reference = $1`,
        values: [ids.reference],
      },
    },
    { name: FRAMEWORK, path: "/accessibility", as: "staff" },
  ];
}

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

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

type Samples = { latencies: number[]; seconds: number; requests: number; failures: number };
const emptySamples = (): Samples => ({ latencies: [], seconds: 0, requests: 0, failures: 0 });

/** One timed stretch of HTTP requests; each response's latency from the moment its request is set up. */
async function httpRun(
  url: string,
  connections: number,
  opts: { cookie: string; seconds?: number; posts?: { path: string; fields: [string, string][] }[]; origin?: string },
  into: Samples,
): Promise<void> {
  type Context = { sentAt?: number };
  let nextPost = 0;
  const result = await autocannon({
    url,
    connections,
    ...(opts.posts ? { amount: opts.posts.length } : { duration: opts.seconds }),
    timeout: 60,
    headers: { accept: "text/html", ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Context) => {
          context.sentAt = performance.now();
          if (!opts.posts) return request;
          const post = opts.posts[nextPost++ % opts.posts.length];
          const { body, contentType } = multipart(post.fields);
          return {
            ...request,
            method: "POST",
            path: post.path,
            body,
            headers: { ...(request.headers as Record<string, string>), "content-type": contentType, origin: opts.origin! },
          };
        },
        onResponse: (status: number, _body: string, context: Context) => {
          into.latencies.push(performance.now() - (context.sentAt ?? performance.now()));
          // A page answers 200; a server action that changed something redirects (303).
          if (status !== 200 && status !== 303) into.failures++;
        },
      },
    ],
  });
  into.seconds += result.duration;
  into.requests += result.requests.total;
  into.failures += result.errors;
}

/** The same SQL from `connections` clients at once for `seconds`; each query's latency. */
async function sqlRun(
  pool: pg.Pool,
  sql: Sql | ((client: pg.PoolClient, i: number) => Promise<void>),
  connections: number,
  seconds: number,
  into: Samples,
) {
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        // Bounded by time and, as a backstop, by count.
        for (let n = 0; n < 100_000 && performance.now() < until; n++) {
          const t = performance.now();
          if (typeof sql === "function") await sql(client, i++);
          else await client.query(sql);
          into.latencies.push(performance.now() - t);
          into.requests++;
        }
      } finally {
        client.release();
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

/** The web server's processes (`next start` and its children) and the peak of their summed resident memory. */
function memorySampler(rootPid: number) {
  const tree = (pid: number): number[] => {
    const kids: number[] = [];
    try {
      for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean))
        kids.push(Number(task));
    } catch {
      return [];
    }
    return [pid, ...kids.flatMap(tree)];
  };
  const field = (pid: number, name: string) => {
    try {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let peakSum = 0;
  let peakHwm = 0;
  const sample = () => {
    const pids = tree(rootPid);
    peakSum = Math.max(
      peakSum,
      pids.reduce((n, pid) => n + field(pid, "VmRSS"), 0),
    );
    peakHwm = Math.max(peakHwm, ...pids.map((pid) => field(pid, "VmHWM")));
  };
  const timer = setInterval(sample, 250);
  return {
    stop: () => (clearInterval(timer), sample(), { peakRssMb: peakSum, largestProcessHwmMb: peakHwm }),
  };
}

/** The scripts a route's HTML loads, fetched and gzipped: what a first visit downloads in JavaScript. */
async function firstLoadJs(baseUrl: string, routePath: string, cookie: string, sizes: Map<string, number>): Promise<number> {
  const html = await (await fetch(`${baseUrl}${routePath}`, { headers: { cookie } })).text();
  // Legacy browsers' polyfills (`noModule`) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\ssrc="([^"]+\.js[^"]*)"/.exec(tag)?.[1].replace(/&amp;/g, "&") ?? []));
  let total = 0;
  for (const src of sources) {
    if (!sizes.has(src)) {
      const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
      sizes.set(src, gzipSync(body).length);
    }
    total += sizes.get(src)!;
  }
  return total / 1024;
}

type Row = {
  name: string;
  path: string;
  as: Who;
  connections: number;
  p50: number;
  p95: number;
  requestsPerSecond: number;
  requests: number;
  failures: number;
  sqlP50: number | null;
  sqlP95: number | null;
  sqlPerSecond: number | null;
  frameworkRatio: number | null;
  sqlRatio: number | null;
  pass: boolean | null;
};

const ms = (x: number | null) => (x === null ? "–" : x < 10 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x: number | null) => (x === null ? "–" : x.toFixed(1));

function markdown(
  rows: Row[],
  js: Record<string, number>,
  memory: { peakRssMb: number; largestProcessHwmMb: number },
  note: string,
): string {
  const lines = [
    `| Case | as | clients | p50 ms | p95 ms | req/s | SQL p50 ms | SQL p95 ms | p95 ÷ framework p95 | p95 ÷ SQL p95 | target (20 clients) |`,
    `|---|---|---|---|---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.as} | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.requestsPerSecond.toFixed(1)} | ${ms(r.sqlP50)} | ${ms(r.sqlP95)} | ${ratio(r.frameworkRatio)} | ${ratio(r.sqlRatio)} | ${r.pass === null ? "" : r.pass ? "pass" : "FAIL"}${r.failures ? ` (${r.failures} failed)` : ""} |`,
    ),
    "",
    `| Route | first-load JS (gzip) | ≤ ${TARGETS.firstLoadJsKb} kB |`,
    `|---|---|---|`,
    ...Object.entries(js).map(([route, kb]) => `| \`${route}\` | ${kb.toFixed(1)} kB | ${kb <= TARGETS.firstLoadJsKb ? "pass" : "FAIL"} |`),
    "",
    `Web server peak memory: ${memory.peakRssMb.toFixed(0)} MB resident (summed over its processes; largest single process high-water mark ${memory.largestProcessHwmMb.toFixed(0)} MB), target < ${TARGETS.peakRssMb} MB: ${memory.peakRssMb < TARGETS.peakRssMb ? "pass" : "FAIL"}.`,
    "",
    note,
  ];
  return lines.join("\n");
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "apc-bench-http-pg-"));
  let stopPg: (() => Promise<void>) | undefined;
  let pool: pg.Pool | undefined;
  try {
    log(
      `factor ${FACTOR}, ${ROUNDS} round(s) of ${DURATION_S} s per case at ${CONCURRENCY.join(" and ")} clients, ${os.cpus().length} cores`,
    );
    const pgServer = await startEmbeddedPostgres({ dataDir, log: (line) => log(`postgres: ${line}`) });
    stopPg = () => Promise.race([pgServer.stop(), new Promise<void>((r) => setTimeout(r, 10_000))]);
    await ensureDatabase(pgServer.url("postgres"), "apc_bench_http");
    const databaseUrl = pgServer.url("apc_bench_http");
    log(`applied ${(await applyMigrations(databaseUrl)).length} migration(s)`);
    const { seed } = (await import(pathToFileURL(path.join(ROOT, "prisma/seed.ts")).href)) as { seed: (url: string) => Promise<unknown> };
    await seed(databaseUrl);
    const volumes = await seedScale(databaseUrl, FACTOR, (line) => log(`seed: ${line}`));

    pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...CONCURRENCY) + 2 });
    const client = await pool.connect();
    const ids = await lookUp(client as unknown as pg.Client);
    // Deep pages: about four fifths of the way through each list as its filter leaves it.
    const pages = async (sql: string, size: number) => Math.max(1, Math.floor(((await client.query(sql)).rows[0].n / size) * 0.8));
    const deep = {
      credentials: await pages(`SELECT count(*)::int n FROM "Credential" WHERE status = 'ENDORSED'`, 50),
      plans: await pages(`SELECT count(*)::int n FROM "DeliveryPlan" WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS')`, 50),
      completions: await pages(`SELECT count(*)::int n FROM "Completion" WHERE status = 'RECOGNISED'`, 50),
      directory: await pages(`SELECT count(*)::int n FROM "Practitioner" WHERE "listedInDirectory"`, 25),
      catalogue: (
        await client.query<{ title: string; id: string }>(
          `SELECT title, id FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL ORDER BY title, id
           OFFSET (SELECT count(*) * 4 / 5 FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND "publishedAt" IS NOT NULL) LIMIT 1`,
        )
      ).rows[0],
    };
    // The change: staff start the review of submitted delivery plans, each once, through the page's form.
    const submitted = (
      await client.query<{ id: string }>(
        `SELECT id FROM "DeliveryPlan" WHERE status = 'SUBMITTED' AND id LIKE 'sc-%' ORDER BY id LIMIT $1`,
        [ROUNDS * CONCURRENCY.length * 40],
      )
    ).rows.map((r) => r.id);
    client.release();
    const all = cases(ids, deep);

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
    if (needsBuild(ROOT, DIST_DIR) || !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
      log("next build…");
      await run(next, ["build"], env);
    }
    const server = spawn(next, ["start", "-p", String(port), "-H", HOST], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(server);
    await waitForServer(`${baseUrl}/sign-in`, 120_000);
    const memory = memorySampler(server.pid!);

    const cookies: Record<Who, string> = {
      public: "",
      staff: await signIn(baseUrl, DEMO_USERS.CENTRE_STAFF.email),
      expert: await signIn(baseUrl, ids.expertEmail),
      provider: await signIn(baseUrl, ids.providerEmail),
      reviewer: await signIn(baseUrl, ids.reviewerEmail),
    };
    // Warm-up, not measured: each route's code loads on its first request, and every page is checked to answer 200.
    for (const c of all) {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${baseUrl}${c.path}`, {
          headers: { cookie: cookies[c.as] },
          redirect: "manual",
          signal: AbortSignal.timeout(120_000),
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${c.path} as ${c.as} answered ${response.status} when warming up`);
      }
    }
    await httpRun(`${baseUrl}/accessibility`, 20, { cookie: cookies.staff, seconds: 2 }, emptySamples());
    log(`warmed up ${all.length} cases`);

    // Forms for the change, fetched ahead (not measured): one per request to be made.
    const posts: { path: string; fields: [string, string][] }[] = [];
    for (const id of submitted) {
      const html = await (await fetch(`${baseUrl}/delivery-plans/${id}`, { headers: { cookie: cookies.staff } })).text();
      const [hidden] = formsWithButton(html, "Start review");
      if (hidden) posts.push({ path: `/delivery-plans/${id}`, fields: hidden });
    }
    const CHANGE = "change: start a plan's review (staff)";
    const samples = new Map<string, Samples>();
    const key = (name: string, connections: number, kind: "http" | "sql") => `${name}|${connections}|${kind}`;
    const into = (k: string) => samples.get(k) ?? (samples.set(k, emptySamples()), samples.get(k)!);

    for (let round = 1; round <= ROUNDS; round++) {
      for (const connections of CONCURRENCY) {
        log(`round ${round}/${ROUNDS}, ${connections} client(s)…`);
        for (const c of all) {
          await httpRun(
            `${baseUrl}${c.path}`,
            connections,
            { cookie: cookies[c.as], seconds: DURATION_S },
            into(key(c.name, connections, "http")),
          );
          if (c.sql) await sqlRun(pool, c.sql, connections, Math.max(1, DURATION_S / 2), into(key(c.name, connections, "sql")));
        }
        const batch = posts.splice(0, 40);
        if (batch.length > 0) {
          await httpRun(
            baseUrl,
            connections,
            { cookie: cookies.staff, posts: batch, origin: baseUrl },
            into(key(CHANGE, connections, "http")),
          );
          // Its SQL: the optimistic-lock update and the audit event in one transaction, rolled back.
          await sqlRun(
            pool,
            async (db, i) => {
              await db.query("BEGIN");
              const plan = submitted[i % submitted.length];
              await db.query(
                `UPDATE "DeliveryPlan" SET status = 'IN_REVIEW', version = version + 1, "updatedAt" = now() WHERE id = $1 AND version = 1`,
                [plan],
              );
              await db.query(
                `INSERT INTO "AuditEvent" ("entityType", "entityId", action, "fromState", "toState", "actorId", "actorRole") VALUES ('DeliveryPlan', $1, 'startReview', 'SUBMITTED', 'IN_REVIEW', $2, 'CENTRE_STAFF')`,
                [plan, ids.staffId],
              );
              await db.query("ROLLBACK");
            },
            connections,
            Math.max(1, DURATION_S / 2),
            into(key(CHANGE, connections, "sql")),
          );
        }
      }
    }
    const mem = memory.stop();

    const js: Record<string, number> = {};
    const sizes = new Map<string, number>();
    for (const c of all) {
      const route = c.path.split("?")[0];
      if (!(route in js)) js[route] = await firstLoadJs(baseUrl, c.path, cookies[c.as], sizes);
    }

    const names = [
      ...all.map((c) => ({ name: c.name, path: c.path, as: c.as })),
      { name: CHANGE, path: "/delivery-plans/[id] (POST)", as: "staff" as Who },
    ];
    const rows: Row[] = [];
    for (const connections of CONCURRENCY) {
      const stats = (k: string) => {
        const s = samples.get(k);
        if (!s || s.latencies.length === 0) return null;
        const sorted = [...s.latencies].sort((a, b) => a - b);
        return {
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          perSecond: s.requests / s.seconds,
          requests: s.requests,
          failures: s.failures,
        };
      };
      const floor = stats(key(FRAMEWORK, connections, "http"));
      for (const n of names) {
        const http = stats(key(n.name, connections, "http"));
        if (!http) continue;
        const sql = stats(key(n.name, connections, "sql"));
        const frameworkRatio = floor && n.name !== FRAMEWORK ? http.p95 / floor.p95 : null;
        const sqlRatio = sql ? http.p95 / sql.p95 : null;
        rows.push({
          ...n,
          connections,
          p50: http.p50,
          p95: http.p95,
          requestsPerSecond: http.perSecond,
          requests: http.requests,
          failures: http.failures,
          sqlP50: sql?.p50 ?? null,
          sqlP95: sql?.p95 ?? null,
          sqlPerSecond: sql?.perSecond ?? null,
          frameworkRatio,
          sqlRatio,
          pass:
            connections === 20 && frameworkRatio !== null
              ? frameworkRatio <= TARGETS.frameworkRatio && (sqlRatio === null || sqlRatio <= TARGETS.sqlRatio) && http.failures === 0
              : null,
        });
      }
    }
    const at = new Date().toISOString();
    const note = `Factor ${FACTOR} (${volumes.credentials.toLocaleString("en-GB")} credentials, ${volumes.deliveryPlans.toLocaleString("en-GB")} delivery plans, ${volumes.completions.toLocaleString("en-GB")} completions); ${ROUNDS} round(s) of ${DURATION_S} s per case and concurrency after a warm-up (the change: up to 40 requests per round, each a new transition); percentiles of every response; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; load generator, server and PostgreSQL on the same machine; ${at.slice(0, 16)} UTC.`;
    const text = markdown(rows, js, mem, note);
    console.log(`\n${text}\n`);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, "http.md"), `${text}\n`);
    writeFileSync(
      path.join(RESULTS, "http.json"),
      `${JSON.stringify({ factor: FACTOR, volumes, rounds: ROUNDS, durationSeconds: DURATION_S, concurrency: CONCURRENCY, cores: os.cpus().length, cpu: os.cpus()[0]?.model, at, targets: TARGETS, rows, firstLoadJsKb: js, memory: mem }, null, 2)}\n`,
    );
    log(`wrote ${path.relative(ROOT, path.join(RESULTS, "http.md"))} and http.json`);
    if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
  } finally {
    await pool?.end().catch(() => {});
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
