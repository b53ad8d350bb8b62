import { PgBoss } from "pg-boss";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverOutbox } from "@/lib/jobs/outbox";

/** Scheduled jobs: name → cron (UTC) and handler. Each runs once per tick across all workers. */
export const JOBS = {
  "outbox-deliver": { cron: "* * * * *", run: (db: PrismaClient) => deliverOutbox(db) },
} as const;

export type JobName = keyof typeof JOBS;

/** Starts pg-boss on the app's database and registers every scheduled job. */
export async function startWorker(databaseUrl: string) {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss" });
  boss.on("error", (err) => console.error("[worker]", err));
  await boss.start();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 3 }) });
  for (const [name, job] of Object.entries(JOBS)) {
    await boss.createQueue(name);
    await boss.schedule(name, job.cron);
    await boss.work(name, async () => {
      await job.run(db);
    });
  }
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true });
      await db.$disconnect();
    },
  };
}
