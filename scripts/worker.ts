// The job worker (pg-boss on the app's PostgreSQL), bundled and run under node by `npm start` beside the web
// server, and by `npm run worker` (scripts/run-worker.ts) on its own against DATABASE_URL.
import "dotenv/config";
import { allowServerOnlyModules } from "./lib/server-only-hook";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the app's database (npm start sets it for you).");
  process.exit(1);
}
allowServerOnlyModules();
const { JOBS, mailDescription, startWorker } = await import("../lib/jobs/worker");
const worker = await startWorker(url);
// A terminal's Ctrl+C reaches both this process and `npm start`, which then asks again with SIGTERM. Both are
// handled before the worker says it has started, so a stop asked for from then on is always a clean one.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
console.log(
  `[worker] started: ${Object.entries(JOBS)
    .map(([name, job]) => `${name} (${job.cron})`)
    .join(", ")}`,
);
console.log(`[worker] ${mailDescription()}`);
