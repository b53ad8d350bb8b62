// `npm run bench:http [-- --factor 0.1 --duration 3 --rounds 2]` (not part of `npm test`): what whole pages cost over
// HTTP at national scale, beside what their data and the framework cost. A throw-away embedded PostgreSQL gets the
// demo data plus the scale portfolio (scripts/lib/seed-scale.ts) at `--factor`; the app is built if its code
// changed and served by `next start` as `npm start` serves it; one person of each role signs in. Then, for 1 and
// for 20 concurrent clients, autocannon asks for every case for `--duration` seconds, `--rounds` times over
// (after a warm-up), and percentiles come from every response's own latency. Beside each page:
//   (a) the data limit: the page's main SQL (a hand-written equivalent of its data-layer query) run through `pg`
//       at the same concurrency;
//   (b) the framework limit: a dynamic page of the same app and layout that reads no data of its own. Signed-in
//       pages share a layout that reads the session and the unread-notification count and draws the navigation: their
//       floor is `/help` (signed in). Public pages have the public header: theirs is `/accessibility` (signed out).
// It also reports each route's first-load JavaScript (gzip, the scripts its HTML loads) and the web server's peak
// memory (VmRSS summed over its processes, sampled from /proc), and how many SQL statements one request for each
// page makes PostgreSQL run. Prints a table; writes bench-results/http.md and http.json (http-servers-N.md and
// .json with several servers, so that the one-server results stay).
//   --servers 2: two `next start` on one database behind a round-robin proxy (scripts/lib/round-robin.ts), measured
//   through it; checks that a session signed in on one server works on the other and that the sign-in throttle
//   counts attempts made on both (bench-results/servers.md).
//   --compressed: every page is asked for as a browser asks (`Accept-Encoding: gzip, …`), so the web server
//   compresses it, as it does unless COMPRESS=0; without it, as a reverse proxy that compresses would ask. Writes
//   http-compressed.md and .json.
//   --jobs (`npm run bench:jobs` is `--jobs --skip-pages`): runs every scheduled job's handler (lib/jobs/worker.ts)
//   on the scale data in a process of its own, each against a 60 s limit, while autocannon asks for a page
//   (scripts/lib/bench-jobs.ts; bench-results/jobs.md and jobs.json).
// Targets 127.0.0.1 only; every loop is bounded in count and time.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { deepPages, lookUp, type Deep, type Ids } from "./lib/bench-people";
import { needsBuild } from "./lib/build-state";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { formsWithButton, multipart } from "./lib/forms";
import { BROWSER_ACCEPT_ENCODING, emptySamples, httpRun, memorySampler, percentile, type Samples } from "./lib/http-load";
import { JOB_PAGE, jobsMarkdown, jobsPassed, jobsPhase } from "./lib/bench-jobs";
import { applyMigrations, ensureDatabase } from "./lib/migrate";
import { encodeCursor } from "../lib/data/keyset";
import { LIST_PAGE_SIZE, RECORD_TABLE_SIZE } from "../lib/data/paging";
import { NAMED_STATEMENT_LIMIT, statementNamer } from "../lib/statement-names";
import { parseFactor, seedScale } from "./lib/seed-scale";
import { children, run, stopChildren, waitForServer } from "./lib/children";
import { mallocArenaMax, webServerNodeOptions } from "./lib/web-server";

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
const SERVERS = flag("servers", 1, 4);
const JOBS_PHASE = process.argv.includes("--jobs");
const SKIP_PAGES = process.argv.includes("--skip-pages");
/**
 * Ask for compressed responses as a browser does, so the web server compresses them (as it does unless COMPRESS=0).
 * Without it, the pages are measured as a reverse proxy that compresses them itself would ask for them.
 */
const COMPRESSED = process.argv.includes("--compressed");
const acceptEncoding = COMPRESSED ? BROWSER_ACCEPT_ENCODING : undefined;
const CONCURRENCY = [1, 20] as const;
const TARGETS = { frameworkRatio: 2.5, sqlRatio: 5, firstLoadJsKb: 150, peakRssMb: 400 };

type Who = "public" | "staff" | "expert" | "provider" | "reviewer";
type Sql = { text: string; values?: unknown[] };
type Case = { name: string; path: string; as: Who; sql?: Sql };
const FLOOR_SIGNED_IN = "framework floor, signed in";
const FLOOR_PUBLIC = "framework floor, public";
const FLOORS = [FLOOR_SIGNED_IN, FLOOR_PUBLIC];
/** The floor a page is compared with: the minimal page with the same layout. */
const floorOf = (as: Who) => (as === "public" ? FLOOR_PUBLIC : FLOOR_SIGNED_IN);
const FLOOR_EVERY = 7;
/** How many plans the change moves at each concurrency in each round, each plan once. */
const CHANGES_PER_RUN = 100;

/**
 * The cases, each with the SQL its page mainly waits on: the data layer's list query and its count, or the
 * record's read, written out by hand after lib/data (same filters, order and page size).
 */
/** Which practitioners a directory page lists, in its order: what the app caches for the whole directory's pages. */
const DIRECTORY_IDS_SQL = `SELECT array_agg(id ORDER BY name, id) AS ids FROM (SELECT id, name FROM "Practitioner" p WHERE "listedInDirectory"
  AND EXISTS (SELECT 1 FROM "Completion" c WHERE c."practitionerId" = p.id AND c.status = 'RECOGNISED') ORDER BY name, id LIMIT ${LIST_PAGE_SIZE} OFFSET $1) page`;

/**
 * A directory page as a request reads it once the whole directory's pages are cached (lib/data/practitioners.ts):
 * the page's practitioners ($1, their ids from the cache), still listed and recognised, with their recognised credentials.
 */
const DIRECTORY_PAGE_SQL = `SELECT p.id, p.name, c.reference FROM "Practitioner" p
    JOIN "Completion" x ON x."practitionerId" = p.id AND x.status = 'RECOGNISED' JOIN "Credential" c ON c.id = x."credentialId"
  WHERE p.id = ANY ($1) AND p."listedInDirectory"`;

type DirectoryIds = { first: string[]; deep: string[] };

function cases(ids: Ids, deep: Deep, directory: DirectoryIds): Case[] {
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
          JOIN "Organisation" o ON o.id = c."ownerOrganisationId" ORDER BY c.reference LIMIT ${LIST_PAGE_SIZE}`,
      },
    },
    {
      name: `credentials, endorsed, page ${deep.credentials}`,
      path: `/credentials?status=ENDORSED&page=${deep.credentials}`,
      as: "staff",
      sql: {
        text: `SELECT c.id, c.reference, c.title, c.status, o.name, (SELECT count(*) FROM "Credential" WHERE status = 'ENDORSED') FROM "Credential" c
          JOIN "Organisation" o ON o.id = c."ownerOrganisationId" WHERE c.status = 'ENDORSED' ORDER BY c.reference LIMIT ${LIST_PAGE_SIZE} OFFSET $1`,
        values: [(deep.credentials - 1) * LIST_PAGE_SIZE],
      },
    },
    {
      name: "delivery plans, page 1 (provider)",
      path: "/delivery-plans",
      as: "provider",
      sql: {
        text: `SELECT p.id, p."programmeTitle", p.status, c.reference, (SELECT count(*) FROM "DeliveryPlan" WHERE "organisationId" = $1) FROM "DeliveryPlan" p
          JOIN "Credential" c ON c.id = p."credentialId" WHERE p."organisationId" = $1 ORDER BY p."updatedAt" DESC, p.id LIMIT ${LIST_PAGE_SIZE}`,
        values: [ids.providerOrg],
      },
    },
    {
      name: `delivery plans, approved, page ${deep.plans} (staff)`,
      path: `/delivery-plans?status=APPROVED&page=${deep.plans}`,
      as: "staff",
      // As the list reads a page: its ids in the list's order, skipped through the index alone, then those rows.
      sql: {
        text: `WITH page AS (SELECT id FROM "DeliveryPlan" WHERE status = 'APPROVED' ORDER BY "updatedAt" DESC, id LIMIT ${LIST_PAGE_SIZE} OFFSET $1)
          SELECT p.id, p."programmeTitle", p.status, c.reference, o.name, (SELECT count(*) FROM "DeliveryPlan" WHERE status = 'APPROVED')
          FROM page JOIN "DeliveryPlan" p USING (id) JOIN "Credential" c ON c.id = p."credentialId" JOIN "Organisation" o ON o.id = p."organisationId"`,
        values: [(deep.plans - 1) * LIST_PAGE_SIZE],
      },
    },
    {
      name: "completions, page 1 (provider)",
      path: "/completions",
      as: "provider",
      sql: {
        text: `SELECT id, "practitionerName", status, "completedOn", (SELECT count(*) FROM "Completion" WHERE "organisationId" = $1) FROM "Completion"
          WHERE "organisationId" = $1 ORDER BY "createdAt" DESC, id LIMIT ${LIST_PAGE_SIZE}`,
        values: [ids.providerOrg],
      },
    },
    {
      name: `completions, recognised, page ${deep.completions} (staff)`,
      path: `/completions?status=RECOGNISED&page=${deep.completions}`,
      as: "staff",
      sql: {
        text: `WITH page AS (SELECT id FROM "Completion" WHERE status = 'RECOGNISED' ORDER BY "createdAt" DESC, id LIMIT ${LIST_PAGE_SIZE} OFFSET $1)
          SELECT c.id, c."practitionerName", c.status, c."completedOn", (SELECT count(*) FROM "Completion" WHERE status = 'RECOGNISED')
          FROM page JOIN "Completion" c USING (id)`,
        values: [(deep.completions - 1) * LIST_PAGE_SIZE],
      },
    },
    {
      name: "quality reviews (staff)",
      path: "/quality-reviews",
      as: "staff",
      sql: {
        text: `SELECT q.id, q.status, q."scheduledOn", p."programmeTitle", (SELECT count(*) FROM "QualityReview") FROM "QualityReview" q
          JOIN "DeliveryPlan" p ON p.id = q."planId" ORDER BY q.status, q."scheduledOn", q.id LIMIT ${LIST_PAGE_SIZE}`,
      },
    },
    {
      name: "impact returns (provider)",
      path: "/impact",
      as: "provider",
      sql: {
        text: `SELECT id, period, status, enrolled, completed, (SELECT count(*) FROM "ImpactReturn" WHERE "organisationId" = $1) FROM "ImpactReturn"
          WHERE "organisationId" = $1 ORDER BY period DESC, id LIMIT ${LIST_PAGE_SIZE}`,
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
      sql: { text: DIRECTORY_PAGE_SQL, values: [directory.first] },
    },
    {
      name: `directory, page ${deep.directory} (public)`,
      path: `/directory?page=${deep.directory}`,
      as: "public",
      sql: { text: DIRECTORY_PAGE_SQL, values: [directory.deep] },
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
      // The pillar's count is cached (lib/data/catalogue.ts), read when the catalogue changes, not per request.
      name: "catalogue, clinical practice by title, deep (public)",
      path: `/catalogue?pillar=CLINICAL_PRACTICE&sort=title&after=${encodeCursor({ key: deep.catalogue.title, id: deep.catalogue.id })}`,
      as: "public",
      sql: {
        text: `SELECT c.id, c.reference, c.title FROM "Credential" c WHERE c.status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED') AND c."publishedAt" IS NOT NULL
            AND EXISTS (SELECT 1 FROM "LearningOutcome" o WHERE o."specificationVersionId" = c."endorsedVersionId"
              AND ('CLINICAL_PRACTICE' = ANY (o.pillars) OR EXISTS (SELECT 1 FROM "OutcomeCapability" oc JOIN "CoreCapability" cc ON cc.id = oc."coreCapabilityId"
                WHERE oc."learningOutcomeId" = o.id AND cc.pillar = 'CLINICAL_PRACTICE')))
            AND c.title >= $1 AND (c.title > $1 OR (c.title = $1 AND c.id > $2)) ORDER BY c.title, c.id LIMIT 21`,
        values: [deep.catalogue.title, deep.catalogue.id],
      },
    },
    {
      name: "catalogue search (public)",
      path: "/catalogue?q=critical+care",
      as: "public",
      sql: {
        text: `WITH found AS (SELECT id, reference, title FROM "Credential" WHERE status IN ('ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED')
            AND "publishedAt" IS NOT NULL AND "searchText" LIKE '%critical care%')
          SELECT *, (SELECT count(*) FROM (SELECT 1 FROM found LIMIT 1001) n) FROM found ORDER BY reference LIMIT 21`,
      },
    },
    {
      name: "impact portfolio (staff)",
      path: "/impact/portfolio",
      as: "staff",
      // What each request reads once the figures are cached (lib/data/impact-figures.ts): the first page of
      // credentials with accepted returns and their sums. The totals, by period and by profession, over every
      // accepted return (about 3 s at 20 clients at factor 1), are read when a return is accepted, not per request.
      sql: {
        text: `WITH page AS (SELECT c.id, c.reference, c.title FROM "Credential" c
            WHERE EXISTS (SELECT 1 FROM "ImpactReturn" i WHERE i."credentialId" = c.id AND i.status = 'ACCEPTED') ORDER BY c.reference, c.id LIMIT ${LIST_PAGE_SIZE})
          SELECT page.*, count(i.id), sum(i.enrolled), sum(i.completed), sum(i.deployed) FROM page
            LEFT JOIN "ImpactReturn" i ON i."credentialId" = page.id AND i.status = 'ACCEPTED' GROUP BY page.id, page.reference, page.title`,
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
        // The review, its first page of findings (FINDINGS_PAGE_SIZE, 10) with each one's first actions and their
        // count, and how many findings it has.
        text: `SELECT q.*, (SELECT json_agg(f) FROM (
            SELECT fi.*, (SELECT json_agg(a) FROM (SELECT * FROM "QualityAction" a WHERE a."findingId" = fi.id ORDER BY a."createdAt", a.id LIMIT $2) a) AS actions,
              (SELECT count(*) FROM "QualityAction" a WHERE a."findingId" = fi.id) AS "actionCount"
            FROM "Finding" fi WHERE fi."qualityReviewId" = q.id ORDER BY fi."createdAt", fi.id LIMIT 10) f),
          (SELECT count(*) FROM "Finding" WHERE "qualityReviewId" = q.id) AS "findingCount" FROM "QualityReview" q WHERE q.id = $1`,
        values: [ids.review, RECORD_TABLE_SIZE],
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
    { name: FLOOR_SIGNED_IN, path: "/help", as: "staff" },
    { name: FLOOR_PUBLIC, path: "/accessibility", as: "public" },
  ];
}

/**
 * PostgreSQL's own log of statements, switched on only while pages are counted (`log_statement = 'all'`, applied by
 * reloading the configuration, so the measured rounds run without it). Every statement any session runs is logged,
 * the app's session and throttle reads and writes included, so a count is the whole request's.
 */
function statementLog() {
  let text = "";
  let capturing = false;
  const STATEMENT = /\bLOG:\s+(statement|execute [^:]*):/;
  const logged = async (marker: string) => {
    for (let waited = 0; !text.includes(marker) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (!text.includes(marker)) throw new Error(`PostgreSQL did not log ${marker}: statements cannot be counted`);
  };
  return {
    onServerLog: (chunk: string) => {
      if (capturing) text += chunk;
    },
    /** How many statements each request sent, made one at a time between two marker queries of the bench's own. */
    async count(pool: pg.Pool, requests: { name: string; send: () => Promise<unknown> }[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      capturing = true;
      await pool.query(`ALTER SYSTEM SET log_statement = 'all'`);
      await pool.query(`SELECT pg_reload_conf()`);
      try {
        // The reload reaches the sessions when the postmaster passes it on, which a busy server can delay: the marker is
        // sent again until it is logged, so every pooled session has it before counting starts.
        for (let tries = 0; !text.includes("apc-count-ready") && tries < 300; tries++) {
          await pool.query(`SELECT 'apc-count-ready'`);
          await new Promise((r) => setTimeout(r, 100));
        }
        await logged("apc-count-ready");
        for (const [i, r] of requests.entries()) {
          text = "";
          await pool.query(`SELECT 'apc-count-start-${i}'`);
          await r.send();
          await pool.query(`SELECT 'apc-count-end-${i}'`);
          await logged(`apc-count-end-${i}`);
          const between = text.slice(text.indexOf(`apc-count-start-${i}`), text.indexOf(`apc-count-end-${i}`));
          // The start marker's own line is cut off at its start; the end marker's line is not included.
          counts.set(r.name, between.split("\n").filter((line) => STATEMENT.test(line)).length);
        }
      } finally {
        await pool.query(`ALTER SYSTEM RESET log_statement`);
        await pool.query(`SELECT pg_reload_conf()`);
        capturing = false;
        text = "";
      }
      return counts;
    },
  };
}

/** Signs in through the form, as a browser without JavaScript does, and returns the session cookie. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const { response } = await signInAttempt(baseUrl, email, DEMO_PASSWORD);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 303 || !cookie) throw new Error(`Signing in as ${email} failed (${response.status})`);
  return cookie;
}

/** One try through the sign-in form: the response and its page (the form again, with any error, when refused). */
async function signInAttempt(
  baseUrl: string,
  email: string,
  password: string,
  form?: [string, string][],
): Promise<{ response: Response; html: string }> {
  const hidden = form ?? (await signInForm(baseUrl));
  const { body, contentType } = multipart([...hidden, ["email", email], ["password", password]]);
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": contentType, origin: baseUrl },
  });
  return { response, html: await response.text() };
}

/** The sign-in form's hidden fields (the server action it posts to). */
async function signInForm(baseUrl: string): Promise<[string, string][]> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const [hidden] = formsWithButton(await page.text(), "Sign in");
  if (!hidden) throw new Error("The sign-in page has no sign-in form");
  return hidden;
}

/**
 * With several servers: a session made on one is honoured by the others (sessions live in PostgreSQL), and the
 * sign-in throttle counts failed attempts made on any of them, so an account locked through one is refused by all.
 * Each server is asked directly, not through the proxy. Uses the demo expert, whom no measured case signs in as.
 */
async function crossServerChecks(servers: string[]): Promise<{ check: string; pass: boolean; detail: string }[]> {
  const results: { check: string; pass: boolean; detail: string }[] = [];
  for (const [from, to] of [
    [0, 1],
    [1, 0],
  ]) {
    const cookie = await signIn(servers[from], DEMO_USERS.REVIEWER.email);
    const response = await fetch(`${servers[to]}/dashboard`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    results.push({
      check: `a session signed in on server ${from + 1} works on server ${to + 1}`,
      pass: response.status === 200,
      detail: `GET /dashboard on server ${to + 1} answered ${response.status}`,
    });
  }
  // The account policy (lib/auth/sign-in.ts) lets 5 failures through and locks on the 6th: three on each server.
  const email = DEMO_USERS.EXPERT.email;
  const failures = 6;
  // The forms are fetched first: the lock the last failure earns lasts 5 s, and both servers are asked within it.
  const forms = await Promise.all(servers.slice(0, 2).map(signInForm));
  for (let i = 0; i < failures; i++) await signInAttempt(servers[i % 2], email, "not-the-password", forms[i % 2]);
  for (const [i, server] of servers.slice(0, 2).entries()) {
    const { response, html } = await signInAttempt(server, email, DEMO_PASSWORD, forms[i]);
    const refused = response.status !== 303 && html.includes("Too many attempts");
    results.push({
      check: `after ${failures} failed sign-ins, ${failures / 2} on each server, the right password is refused on server ${i + 1}`,
      pass: refused,
      detail: refused ? "refused: Too many attempts" : `answered ${response.status}${response.status === 303 ? " (signed in)" : ""}`,
    });
  }
  return results;
}

/** The same SQL from `connections` clients at once for `seconds`; each query's latency. */
/** Named as the app's client names its statements, so both sides skip re-planning alike. */
const statementName = statementNamer(NAMED_STATEMENT_LIMIT);

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
          else await client.query({ ...sql, name: statementName({ sql: sql.text }) });
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
  /** p95 over the floor of the page's own layout (signed-in or public). */
  frameworkRatio: number | null;
  /** p95 over the public floor, whatever the page's layout: the stricter comparison, kept for the record. */
  publicFloorRatio: number | null;
  sqlRatio: number | null;
  /**
   * The floor of the page's layout over the page's SQL (p95s). Above the SQL target, no page with this layout can be
   * within that many times its SQL, however little it adds to the floor: the framework alone takes longer.
   */
  floorOverSql: number | null;
  statements: number | null;
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
    `| Case | as | clients | p50 ms | p95 ms | req/s | SQL p50 ms | SQL p95 ms | p95 ÷ its layout's framework floor p95 | p95 ÷ SQL p95 | its floor p95 ÷ SQL p95 | SQL statements | target (20 clients) |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.as} | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.requestsPerSecond.toFixed(1)} | ${ms(r.sqlP50)} | ${ms(r.sqlP95)} | ${ratio(r.frameworkRatio)} | ${ratio(r.sqlRatio)} | ${ratio(r.floorOverSql)} | ${r.statements ?? "–"} | ${r.pass === null ? "" : r.pass ? "pass" : "FAIL"}${r.failures ? ` (${r.failures} failed)` : ""} |`,
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
    const statements = statementLog();
    const pgServer = await startEmbeddedPostgres({
      dataDir,
      log: (line) => log(`postgres: ${line}`),
      onServerLog: statements.onServerLog,
    });
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
    const deep = await deepPages(client as unknown as pg.Client);
    const directoryIds = async (page: number) =>
      (await client.query<{ ids: string[] }>(DIRECTORY_IDS_SQL, [(page - 1) * 25])).rows[0].ids ?? [];
    const directory = { first: await directoryIds(1), deep: await directoryIds(deep.directory) };
    // The change: staff start the review of submitted delivery plans, each once, through the page's form.
    const submitted = (
      await client.query<{ id: string }>(
        `SELECT id FROM "DeliveryPlan" WHERE status = 'SUBMITTED' AND id LIKE 'sc-%' ORDER BY id LIMIT $1`,
        [ROUNDS * CONCURRENCY.length * CHANGES_PER_RUN],
      )
    ).rows.map((r) => r.id);
    client.release();
    const all = cases(ids, deep, directory);

    // With several servers, clients and the app's own links use the proxy's address.
    const port = await freePort();
    const baseUrl = `http://${HOST}:${port}`;
    const serverPorts = SERVERS === 1 ? [port] : await Promise.all(Array.from({ length: SERVERS }, () => freePort()));
    const serverUrls = serverPorts.map((p) => `http://${HOST}:${p}`);
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
      // As `npm start`: x-forwarded-for is the socket's address, the same heap limit and malloc arenas.
      NODE_OPTIONS: webServerNodeOptions(ROOT, { env: { ...process.env, NODE_OPTIONS: "" } }),
      MALLOC_ARENA_MAX: mallocArenaMax(),
      // Every client here is one address: the public budget is still spent on each request but set too high to
      // refuse (PUBLIC_REQUESTS_PER_MINUTE=0 in the environment measures the pages without it).
      PUBLIC_REQUESTS_PER_MINUTE: process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "1000000",
    };
    const next = path.join(ROOT, "node_modules/.bin/next");
    mkdirSync(path.join(ROOT, ".next-test"), { recursive: true });
    writeFileSync(path.join(ROOT, TSCONFIG), JSON.stringify({ extends: "../tsconfig.json" }));
    if (needsBuild(ROOT, DIST_DIR) || !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
      log("next build…");
      // The build is not held to the web server's heap limit.
      await run(next, ["build"], { ...env, NODE_OPTIONS: "" });
    }
    const servers = serverPorts.map((p) =>
      spawn(next, ["start", "-p", String(p), "-H", HOST], {
        cwd: ROOT,
        env: { ...env, PORT: String(p) },
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
    children.push(...servers);
    for (const url of serverUrls) await waitForServer(`${url}/sign-in`, 120_000);
    if (SERVERS > 1) {
      const tsx = path.join(ROOT, "node_modules/.bin/tsx");
      const proxy = spawn(tsx, [path.join(ROOT, "scripts/lib/round-robin.ts"), String(port), ...serverUrls], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(proxy);
      await waitForServer(`${baseUrl}/sign-in`, 60_000);
      log(`${SERVERS} servers (${serverUrls.join(", ")}) behind a round-robin proxy at ${baseUrl}`);
    }
    const memory = memorySampler(servers.map((s) => s.pid!));

    const cookies: Record<Who, string> = {
      public: "",
      staff: await signIn(baseUrl, DEMO_USERS.CENTRE_STAFF.email),
      expert: await signIn(baseUrl, ids.expertEmail),
      provider: await signIn(baseUrl, ids.providerEmail),
      reviewer: await signIn(baseUrl, ids.reviewerEmail),
    };
    // Warm-up, not measured: each route's code loads on its first request, and every page is checked to answer 200.
    for (const c of SKIP_PAGES ? all.filter((c) => c.name === JOB_PAGE) : all) {
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
    await httpRun(`${baseUrl}/help`, 20, { cookie: cookies.staff, acceptEncoding, seconds: 2 }, emptySamples());
    log(`warmed up ${all.length} cases`);
    if (SERVERS > 1) {
      const checks = await crossServerChecks(serverUrls);
      const lines = checks.map((c) => `${c.pass ? "pass" : "FAIL"}: ${c.check} (${c.detail})`);
      for (const line of lines) log(line);
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(
        path.join(RESULTS, "servers.md"),
        `${SERVERS} web servers (\`next start\`) on one PostgreSQL, ${new Date().toISOString().slice(0, 16)} UTC:\n\n${lines.map((l) => `- ${l}`).join("\n")}\n`,
      );
      if (checks.some((c) => !c.pass)) process.exitCode = 1;
    }
    if (!SKIP_PAGES) {
      const statementCounts = await statements.count(
        pool,
        all.map((c) => ({
          name: c.name,
          send: async () => (await fetch(`${baseUrl}${c.path}`, { headers: { cookie: cookies[c.as] }, redirect: "manual" })).arrayBuffer(),
        })),
      );
      log(`counted each page's SQL statements (${[...statementCounts.values()].join(", ")})`);

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

      // The floors are measured between every FLOOR_EVERY pages and once more at the end, their samples pooled, so
      // they meet the same moments of a shared machine's load as the pages compared with them (one run of a floor a
      // round moved between 103 and 181 ms p95 from run to run).
      const floorCases = all.filter((c) => FLOORS.includes(c.name));
      const pages = all.filter((c) => !floorCases.includes(c));
      const floorRuns: Record<string, Record<number, number[]>> = Object.fromEntries(
        FLOORS.map((f) => [f, Object.fromEntries(CONCURRENCY.map((n) => [n, []]))]),
      );
      const interleaved = [...pages.flatMap((c, i) => (i % FLOOR_EVERY === 0 ? [...floorCases, c] : [c])), ...floorCases];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const connections of CONCURRENCY) {
          log(`round ${round}/${ROUNDS}, ${connections} client(s)…`);
          for (const c of interleaved) {
            const run = emptySamples();
            await httpRun(`${baseUrl}${c.path}`, connections, { cookie: cookies[c.as], acceptEncoding, seconds: DURATION_S }, run);
            const pooled = into(key(c.name, connections, "http"));
            pooled.latencies.push(...run.latencies);
            pooled.seconds += run.seconds;
            pooled.requests += run.requests;
            pooled.failures += run.failures;
            if (floorCases.includes(c) && run.latencies.length > 0) {
              floorRuns[c.name][connections].push(
                percentile(
                  [...run.latencies].sort((a, b) => a - b),
                  95,
                ),
              );
            }
            if (c.sql) await sqlRun(pool, c.sql, connections, Math.max(1, DURATION_S / 2), into(key(c.name, connections, "sql")));
          }
          const batch = posts.splice(0, CHANGES_PER_RUN);
          if (batch.length > 0) {
            await httpRun(
              baseUrl,
              connections,
              { cookie: cookies.staff, acceptEncoding, posts: batch, origin: baseUrl },
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
        for (const n of names) {
          const http = stats(key(n.name, connections, "http"));
          if (!http) continue;
          const sql = stats(key(n.name, connections, "sql"));
          const floor = FLOORS.includes(n.name) ? null : stats(key(floorOf(n.as), connections, "http"));
          const publicFloor = FLOORS.includes(n.name) ? null : stats(key(FLOOR_PUBLIC, connections, "http"));
          const frameworkRatio = floor ? http.p95 / floor.p95 : null;
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
            statements: statementCounts.get(n.name) ?? null,
            frameworkRatio,
            publicFloorRatio: publicFloor ? http.p95 / publicFloor.p95 : null,
            sqlRatio,
            floorOverSql: floor && sql ? floor.p95 / sql.p95 : null,
            pass:
              connections === 20 && frameworkRatio !== null
                ? frameworkRatio <= TARGETS.frameworkRatio && (sqlRatio === null || sqlRatio <= TARGETS.sqlRatio) && http.failures === 0
                : null,
          });
        }
      }
      const at = new Date().toISOString();
      const compared = rows.filter((r) => r.connections === 20 && r.publicFloorRatio !== null);
      const stricter = { within: compared.filter((r) => r.publicFloorRatio! <= TARGETS.frameworkRatio).length, of: compared.length };
      const withSql = compared.filter((r) => r.sqlRatio !== null);
      const attainable = withSql.filter((r) => r.floorOverSql! <= TARGETS.sqlRatio);
      const sqlNote = `Within ${TARGETS.sqlRatio} times their own SQL: ${withSql.filter((r) => r.sqlRatio! <= TARGETS.sqlRatio).length} of ${withSql.length} pages; for ${withSql.length - attainable.length} of them the floor of their layout alone is more than ${TARGETS.sqlRatio} times their SQL, so no page could be, and of the other ${attainable.length} (${attainable.map((r) => r.name).join("; ") || "none"}) ${attainable.filter((r) => r.sqlRatio! <= TARGETS.sqlRatio).length} are.`;
      const note = `Factor ${FACTOR} (${volumes.credentials.toLocaleString("en-GB")} credentials, ${volumes.deliveryPlans.toLocaleString("en-GB")} delivery plans, ${volumes.completions.toLocaleString("en-GB")} completions); ${ROUNDS} round(s) of ${DURATION_S} s per case and concurrency after a warm-up (the change: up to ${CHANGES_PER_RUN} requests per round and concurrency, each a new transition); percentiles of every response; ${COMPRESSED ? `responses compressed (requests sent \`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`, as a browser does)` : "responses not compressed (requests ask for none, as a reverse proxy that compresses does)"}; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          " ",
        )}; ${SERVERS === 1 ? "load generator, server" : `load generator, ${SERVERS} web servers behind a round-robin proxy`} and PostgreSQL on the same machine; ${at.slice(0, 16)} UTC. ${FLOORS.map((f) => `The ${f} was measured ${floorRuns[f][20].length} times at 20 clients, between the pages, its samples pooled; each run's own p95: ${floorRuns[f][20].map((p) => Math.round(p)).join(", ")} ms.`).join(" ")} Against the public floor alone, whatever the page's layout, ${stricter.within} of ${stricter.of} pages are within ${TARGETS.frameworkRatio} times it at 20 clients. ${sqlNote}`;
      const text = markdown(rows, js, mem, note);
      console.log(`\n${text}\n`);
      mkdirSync(RESULTS, { recursive: true });
      const name = `${SERVERS === 1 ? "http" : `http-servers-${SERVERS}`}${COMPRESSED ? "-compressed" : ""}`;
      writeFileSync(path.join(RESULTS, `${name}.md`), `${text}\n`);
      writeFileSync(
        path.join(RESULTS, `${name}.json`),
        `${JSON.stringify({ factor: FACTOR, servers: SERVERS, compressed: COMPRESSED, volumes, rounds: ROUNDS, durationSeconds: DURATION_S, concurrency: CONCURRENCY, cores: os.cpus().length, cpu: os.cpus()[0]?.model, at, targets: TARGETS, rows, floorRunsP95: floorRuns, firstLoadJsKb: js, memory: mem }, null, 2)}\n`,
      );
      log(`wrote ${path.relative(ROOT, path.join(RESULTS, name))}.md and .json`);
      if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
    }
    if (JOBS_PHASE) {
      const page = all.find((c) => c.name === JOB_PAGE)!;
      const report = await jobsPhase(databaseUrl, `${baseUrl}${page.path}`, cookies[page.as], log);
      const note = `Factor ${FACTOR}; ${SERVERS} web server(s); ${os.cpus().length} cores, load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; jobs, web server, load generator and PostgreSQL on the same machine; ${new Date().toISOString().slice(0, 16)} UTC.`;
      const text = jobsMarkdown(report, note);
      console.log(`\n${text}\n`);
      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(path.join(RESULTS, "jobs.md"), `${text}\n`);
      writeFileSync(path.join(RESULTS, "jobs.json"), `${JSON.stringify({ factor: FACTOR, servers: SERVERS, ...report }, null, 2)}\n`);
      log(`wrote ${path.relative(ROOT, path.join(RESULTS, "jobs.md"))} and jobs.json`);
      if (!jobsPassed(report)) process.exitCode = 1;
    }
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
