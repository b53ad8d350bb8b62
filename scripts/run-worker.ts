// `npm run worker`: the job worker on its own, against DATABASE_URL, run as `npm start` runs it beside the web
// server: bundled into one file (scripts/lib/bundle.ts) and started under node with the worker's flags and heap
// limit (scripts/lib/web-server.ts).
import "dotenv/config";
import os from "node:os";
import path from "node:path";
import { bundleScript } from "./lib/bundle";
import { spawnWorker } from "./lib/web-server";

const root = path.resolve(import.meta.dirname, "..");
const worker = spawnWorker(await bundleScript(root, "scripts/worker.ts"), process.env, { cwd: root, stdio: "inherit" });
// The worker stops itself cleanly on SIGINT and SIGTERM (finishing the jobs it has taken); this process passes those
// on (a closed terminal's SIGHUP as SIGTERM) and ends as it ends.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => worker.kill(signal === "SIGHUP" ? "SIGTERM" : signal));
worker.on("error", (err) => {
  console.error(`[worker] could not start: ${err.message}`);
  process.exit(1);
});
worker.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
