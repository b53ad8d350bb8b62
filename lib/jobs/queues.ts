import { PgBoss } from "pg-boss";

// pg-boss's schema and the app's queues. Installing or upgrading the schema is DDL, so it runs as the
// database owner when the database is migrated (`installJobQueues`); the worker then runs as the app's
// role, which may only read and write rows (pg-boss starts with `migrate: false`).

export const PGBOSS_SCHEMA = "pgboss";

/** Every scheduled job's queue (lib/jobs/worker.ts gives each its cron and handler). */
export const JOB_NAMES = [
  "outbox-deliver",
  "email-digests",
  "periodic-reviews-open",
  "periodic-reviews-overdue",
  "annual-returns-open",
  "annual-returns-remind",
  "plan-risks-rate",
  "monitoring-reports-open",
  "sign-in-records-purge",
] as const;

export type JobName = (typeof JOB_NAMES)[number];

export const QUEUE_OPTIONS = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  // A handler that has run this long is presumed stuck (its worker gone) and is retried.
  expireInSeconds: 10 * 60,
};

/**
 * As the owner: installs or migrates pg-boss's schema and creates every queue, then stops. Also waits
 * for the index builds a pg-boss upgrade may queue, since only an instance that migrates runs them.
 */
export async function installJobQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: PGBOSS_SCHEMA,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  boss.on("error", (err) => console.error("[pg-boss]", err));
  await boss.start();
  try {
    for (const name of JOB_NAMES) await boss.createQueue(name, QUEUE_OPTIONS);
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      const rows = await boss
        .getDb()
        .executeSql(`SELECT count(*)::int AS n FROM ${PGBOSS_SCHEMA}.bam WHERE status IN ('pending', 'in_progress')`);
      if (rows.rows[0].n === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await boss.stop();
  }
}
