// E-mail delivery for the end-to-end tests (a Playwright webServer entry): the worker's outbox delivery — the same
// deliverOutbox and SMTP_URL mailer — every second rather than every minute, so a test need not wait for the cron.
// The worker's daily jobs are left out on purpose: they would change the seeded data in the middle of a run.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverOutbox, mailerFromEnv } from "@/lib/jobs/outbox";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: the end-to-end outbox runner is started by playwright.config.ts.");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
const { send, description } = mailerFromEnv();
console.log(`[e2e outbox] ${description}`);
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
while (!stopping) {
  await deliverOutbox(db, { send }).catch((err) => console.error("[e2e outbox]", err));
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await db.$disconnect();
