// `npm run worker`: the job worker on its own, against DATABASE_URL, run as `npm start` runs it beside the web
// server: bundled into one file (scripts/lib/bundle.ts) and started under node with the worker's flags and heap
// limit (scripts/lib/web-server.ts).
import "dotenv/config";
import path from "node:path";
import { bundleScript } from "./lib/bundle";
import { spawnWorker } from "./lib/web-server";

const root = path.resolve(import.meta.dirname, "..");
const worker = spawnWorker(await bundleScript(root, "scripts/worker.ts"), process.env, { cwd: root, stdio: "inherit" });
// The worker stops itself cleanly on SIGINT and SIGTERM (finishing the jobs it has taken); this process passes them
// on and ends with it.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
