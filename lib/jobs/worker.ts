import { PgBoss, type Job } from "pg-boss";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAnnualReturns, remindAnnualReturns } from "@/lib/jobs/annual-returns";
import { sendDigests } from "@/lib/jobs/digests";
import { deliverOutbox, mailerFromEnv } from "@/lib/jobs/outbox";
import { PGBOSS_SCHEMA, QUEUE_OPTIONS, type JobName } from "@/lib/jobs/queues";
import { flagOverduePeriodicReviews, openPeriodicReviews } from "@/lib/jobs/periodic-reviews";
import { purgeSignInRecords } from "@/lib/jobs/sign-in-records";
import { openMonitoringReports, ratePlanRisks } from "@/lib/jobs/monitoring";

type Handler = (db: PrismaClient, now: Date) => Promise<unknown>;

let mailer: ReturnType<typeof mailerFromEnv> | undefined;
/** One mailer per worker process (SMTP_URL, MAIL_FROM), made when first needed. */
const envMailer = () => (mailer ??= mailerFromEnv());
export const mailDescription = () => envMailer().description;

/**
 * Scheduled jobs: name → cron (UTC) and handler. pg-boss creates one job per cron tick however many
 * workers run, and keeps it in PostgreSQL until it completes, so a restart loses nothing; a job
 * whose worker died mid-way is retried, and every handler is idempotent, so a retry duplicates nothing.
 * Handlers take the clock as an argument: the worker passes the time the job runs (or the `now` a
 * job was sent with), tests pass any time they like.
 */
export const JOBS = {
  "outbox-deliver": { cron: "* * * * *", run: (db) => deliverOutbox(db, { send: envMailer().send }) },
  // Daily before the working day: one e-mail per person who chose a digest for some notifications.
  "email-digests": { cron: "0 7 * * *", run: (db, now) => sendDigests(db, now) },
  // Daily: a review opens PERIODIC_REVIEW_LEAD_DAYS (default 90) ahead of the credential's review due date.
  "periodic-reviews-open": { cron: "0 2 * * *", run: (db, now) => openPeriodicReviews(db, now) },
  // Daily before the working day: flags overdue reviews once, reminds staff of each once a week.
  "periodic-reviews-overdue": { cron: "0 6 * * *", run: (db, now) => flagOverduePeriodicReviews(db, now) },
  // Daily, so a plan approved mid-year gets its return for the year as well; opens each once.
  "annual-returns-open": { cron: "0 3 * * *", run: (db, now) => openAnnualReturns(db, now) },
  // Daily: reminds providers 14 days ahead (once) and flags late returns (once).
  "annual-returns-remind": { cron: "30 6 * * *", run: (db, now) => remindAnnualReturns(db, now) },
  // Daily after the returns open: each delivering plan's risk rating under the rules in effect, and its review date.
  "plan-risks-rate": { cron: "0 4 * * *", run: (db, now) => ratePlanRisks(db, now) },
  // Daily: the next report of each plan under enhanced monitoring that owes none (accepting a report opens it too).
  "monitoring-reports-open": { cron: "15 4 * * *", run: (db) => openMonitoringReports(db) },
  // Hourly: ended sessions and long-quiet sign-in throttle counts are deleted.
  "sign-in-records-purge": { cron: "17 * * * *", run: (db, now) => purgeSignInRecords(db, now) },
} as const satisfies Record<JobName, { cron: string; run: Handler }>;

/** Data a job may carry: `now` (ISO time) replays a tick at a given moment, e.g. after an outage. */
export type JobData = { now?: string } | null;

function nowOf(job: Job<JobData>): Date {
  const at = job.data?.now ? new Date(job.data.now) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

/** Overrides of the queues' retry policy (tests retry at once). */
export type WorkerOptions = Partial<typeof QUEUE_OPTIONS>;

/**
 * Starts pg-boss on the app's database and registers every scheduled job. It runs as the app's role, so
 * it never installs or migrates pg-boss's schema: migrating the database does that (`installJobQueues`).
 */
export async function startWorker(databaseUrl: string, options: WorkerOptions = {}) {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: PGBOSS_SCHEMA, migrate: false });
  boss.on("error", (err) => console.error("[worker]", err));
  await boss.start();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 3 }) });
  for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
    const queue = { ...QUEUE_OPTIONS, ...options };
    // createQueue leaves an existing queue as it was (the app's queues share one table, so it is no DDL);
    // updateQueue brings its retry policy up to date.
    await boss.createQueue(name, queue);
    await boss.updateQueue(name, queue);
    await boss.schedule(name, job.cron);
    await boss.work<JobData>(name, async (jobs) => {
      for (const j of jobs) await job.run(db, nowOf(j));
    });
  }
  return {
    boss,
    stop: async (timeoutMs = 30_000) => {
      await boss.stop({ graceful: true, timeout: timeoutMs });
      await db.$disconnect();
    },
  };
}
