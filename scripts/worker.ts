// The job worker (pg-boss on the app's PostgreSQL). `npm start` runs it beside the web
// server; `npm run worker` runs it on its own against DATABASE_URL.
import "dotenv/config";
import { allowServerOnlyModules } from "./lib/server-only-hook";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the app's database (npm start sets it for you).");
  process.exit(1);
}
allowServerOnlyModules();
const { JOBS, mailDescription, startWorker } = await import("../lib/jobs/worker");
// OUTBOX_POLL_SECONDS: deliver e-mail this often as well as every minute (end-to-end tests set it).
const outboxEverySeconds = Number.parseInt(process.env.OUTBOX_POLL_SECONDS ?? "", 10) || undefined;
const worker = await startWorker(url, { outboxEverySeconds });
console.log(`[worker] started: ${Object.entries(JOBS).map(([name, job]) => `${name} (${job.cron})`).join(", ")}`);
console.log(`[worker] ${mailDescription()}${outboxEverySeconds ? `; outbox also every ${outboxEverySeconds} s` : ""}`);
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
