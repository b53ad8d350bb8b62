// Run by bench:jobs (scripts/lib/bench-jobs.ts) as its own process, as the job worker is, so that its memory is the
// worker's alone: every scheduled job's handler once, one after the other, at the present moment, then the year's
// busiest ticks. Prints one JSON line per job run. DATABASE_URL names the scale database.
import { performance } from "node:perf_hooks";
import { allowServerOnlyModules } from "./lib/server-only-hook";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
allowServerOnlyModules();
const { JOBS } = await import("../lib/jobs/worker");
const { deliverOutbox } = await import("../lib/jobs/outbox");
const { PrismaPg } = await import("@prisma/adapter-pg");
const { PrismaClient } = await import("../lib/generated/prisma/client");
// As the worker connects (lib/jobs/worker.ts).
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 3 }) });
const now = new Date();
const next = now.getUTCFullYear() + 1;
const at = (month: number, day: number, hour: number, minute: number) => new Date(Date.UTC(next, month - 1, day, hour, minute));
type JobName = keyof typeof JOBS;
const tick = (job: JobName, when: Date) => ({
  job,
  now: when,
  // The outbox's sender is a no-op: what is timed is the database work.
  run: () => (job === "outbox-deliver" ? deliverOutbox(db, { send: async () => {} }) : JOBS[job].run(db, when)),
});
const ticks = [
  ...(Object.keys(JOBS) as JobName[]).map((job) => tick(job, now)),
  // 1 January: every delivering plan's new return opens.
  tick("annual-returns-open", at(1, 1, 3, 0)),
  // 17 July: every return due on 31 July is reminded; 1 August: every one still open is flagged late.
  tick("annual-returns-remind", at(7, 17, 6, 30)),
  tick("annual-returns-remind", at(8, 1, 6, 30)),
  // What those ticks queued for e-mail, one batch as the worker sends it each minute.
  tick("outbox-deliver", at(8, 1, 6, 31)),
];
try {
  for (const t of ticks) {
    const started = performance.now();
    const result = await t.run();
    const seconds = (performance.now() - started) / 1000;
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    console.log(JSON.stringify({ job: t.job, now: t.now.toISOString(), result, seconds, rssMb }));
  }
} finally {
  await db.$disconnect();
}
