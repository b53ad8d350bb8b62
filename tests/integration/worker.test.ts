// The real worker (pg-boss on the test database, connected as the app role like the app) survives a
// restart without losing or duplicating a job.
import { createInterface } from "node:readline";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWorker } from "@/lib/jobs/worker";
import { bundleScript } from "../../scripts/lib/bundle";
import { spawnWorker } from "../../scripts/lib/web-server";
import { resetDb, testDatabaseUrl, testDb } from "../support/db";
import * as make from "../support/factory";
import { daysFrom, periodicCast, type PeriodicCast } from "../support/periodic-factory";

const JOB = "periodic-reviews-open";
type Worker = Awaited<ReturnType<typeof startWorker>>;

let c: PeriodicCast;
let sender: PgBoss;
const running: Worker[] = [];

beforeEach(async () => {
  await resetDb();
  c = await periodicCast(daysFrom(new Date(), 30));
  // Registers the schedules the way the app's worker does, then stops: no worker is running. (pg-boss's
  // schema and queues were installed by the owner when the template was migrated.)
  await (await startWorker(testDatabaseUrl())).stop();
  // Sends jobs and reads their state; it works no queue and runs no schedules.
  sender = new PgBoss({ connectionString: testDatabaseUrl(), schema: "pgboss", supervise: false, schedule: false });
  await sender.start();
});

afterEach(async () => {
  for (const w of running.splice(0)) await w.stop(1000);
  await sender.stop({ graceful: false });
});

async function worker(): Promise<Worker> {
  // No retry delay, so the test does not wait out the production back-off.
  const w = await startWorker(testDatabaseUrl(), { retryDelay: 0, retryBackoff: false });
  running.push(w);
  return w;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const jobIn = (id: string, states: string[]) => async () => {
  const job = await sender.getJobById(JOB, id);
  return job && states.includes(job.state) ? job : null;
};

async function expectOpenedExactlyOnce() {
  const reviews = await testDb().periodicReview.findMany({ where: { credentialId: c.credential.id } });
  expect(reviews).toHaveLength(1);
  expect((await make.auditFor(reviews[0].id)).map((a) => a.action)).toEqual(["create"]);
  expect((await make.auditFor(c.credential.id)).map((a) => a.action)).toEqual(["startPeriodicReview"]);
  expect(await testDb().notification.count({ where: { userId: c.staff.id } })).toBe(1);
}

describe("the job worker", () => {
  it("a job sent while no worker runs is kept, and the next worker runs it exactly once", { timeout: 60_000 }, async () => {
    const id = (await sender.send(JOB, { now: new Date().toISOString() }))!;
    expect((await sender.getJobById(JOB, id))?.state).toBe("created");
    await worker();
    const done = await waitFor("the job to complete", jobIn(id, ["completed"]));
    expect(done.retryCount).toBe(0);
    await expectOpenedExactlyOnce();
  });

  it("a worker stopped mid-job: the next worker retries it and nothing is done twice", { timeout: 60_000 }, async () => {
    // Hold the credential's row so the handler blocks half-way, inside its transaction.
    const lock = new pg.Client({ connectionString: testDatabaseUrl() });
    await lock.connect();
    try {
      await lock.query("BEGIN");
      await lock.query(`SELECT 1 FROM "Credential" WHERE id = $1 FOR UPDATE`, [c.credential.id]);
      const first = await worker();
      const id = (await sender.send(JOB, { now: new Date().toISOString() }))!;
      await waitFor("the first worker to take the job", jobIn(id, ["active"]));
      await waitFor("the handler to wait on the lock", async () => {
        // pg_locks, not pg_stat_activity: inside this open transaction the activity view would be a snapshot
        // taken at its first read, so a handler that started waiting later would never show.
        const { rows } = await lock.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()`);
        return rows[0].n > 0;
      });
      // Shutting down with the job unfinished hands it back to the queue for a retry.
      running.splice(running.indexOf(first), 1);
      const stopping = first.stop(1000);
      await waitFor("the job to be handed back", jobIn(id, ["retry", "created"]));
      // Let the first attempt finish: its writes commit after pg-boss has already given the job up (the worst case).
      await lock.query("COMMIT");
      await stopping;

      await worker();
      const done = await waitFor("the retried job to complete", jobIn(id, ["completed"]));
      expect(done.retryCount).toBe(1);
      await expectOpenedExactlyOnce();
    } finally {
      await lock.end();
    }
  });

  it(
    "runs as npm start runs it, one bundled file under node: it starts on the database and stops cleanly",
    { timeout: 60_000 },
    async () => {
      const file = await bundleScript(process.cwd(), "scripts/worker.ts");
      const child = spawnWorker(
        file,
        { ...process.env, DATABASE_URL: testDatabaseUrl(), NODE_OPTIONS: "" },
        {
          cwd: process.cwd(),
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      let output = "";
      child.stderr!.on("data", (chunk) => (output += String(chunk)));
      for await (const line of createInterface({ input: child.stdout! })) {
        output += `${line}\n`;
        if (line.startsWith("[worker] started:")) break;
      }
      expect(output).toMatch(/\[worker\] started: .*periodic-reviews-open \(0 2 \* \* \*\)/);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
  );
});
