// `npm run bench [-- --factor 0.1]`: the data layer's speed and memory targets, in process, on a throw-away embedded
// PostgreSQL loaded with the demo data plus the scale portfolio (scripts/lib/seed-scale.ts) at that factor. Exits non-zero when a target is missed.
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations, ensureDatabase } from "./lib/migrate";
import { parseFactor, seedScale } from "./lib/seed-scale";
import { readThroughNextCache } from "./lib/server-only-hook";

const RUNS = 30;
const factorAt = process.argv.indexOf("--factor");
const FACTOR = parseFactor(factorAt === -1 ? undefined : process.argv[factorAt + 1], 0.1);
// Targets at that scale on a 2-core machine (p95 of RUNS, server-side query time).
const TARGETS_MS: Record<string, number> = {
  "dashboard: staff": 60,
  "dashboard: expert": 30,
  "dashboard: provider": 30,
  "dashboard: reviewer": 30,
  "catalogue search": 60,
  "credential list (page 1)": 60,
  "entity history": 20,
};
const MEMORY_TARGET_MB = 400;

async function time(fn: () => Promise<unknown>) {
  const samples: number[] = [];
  await fn(); // warm-up: connection pool and plan cache
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(RUNS * 0.5)], p95: samples[Math.floor(RUNS * 0.95)] };
}

async function main() {
  // The data layer in process, outside Next: cached reads (staff's dashboard counts, say) are measured reading through.
  readThroughNextCache();
  const pg = await startEmbeddedPostgres({});
  try {
    await ensureDatabase(pg.url("postgres"), "bench");
    const url = pg.url("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { seed } = await import("../prisma/seed");
    await seed(url);
    await seedScale(url, FACTOR);
    console.log("");

    const { db } = await import("../lib/db");
    const { workItems } = await import("../lib/data/dashboard");
    const { readCataloguePage } = await import("../lib/data/catalogue");
    const { listCredentials } = await import("../lib/data/credentials");
    const { historyOf } = await import("../lib/data/history");
    const users = await db().user.findMany({ select: { id: true, role: true, organisationId: true } });
    const as = (role: string) => users.find((u) => u.role === role)!;

    const cases: Record<string, () => Promise<unknown>> = {
      "dashboard: staff": () => workItems(as("CENTRE_STAFF")),
      "dashboard: expert": () => workItems(as("EXPERT")),
      "dashboard: provider": () => workItems(as("PROVIDER")),
      "dashboard: reviewer": () => workItems(as("REVIEWER")),
      "catalogue search": () => readCataloguePage({ q: "credential 42" }),
      "credential list (page 1)": () => listCredentials(as("CENTRE_STAFF"), {}),
      "entity history": () => historyOf(as("CENTRE_STAFF"), ["sc-cred-1"]),
    };
    let missed = 0;
    console.log("case".padEnd(28), "p50 ms".padStart(8), "p95 ms".padStart(8), "target".padStart(8));
    for (const [name, fn] of Object.entries(cases)) {
      const r = await time(fn);
      const ok = r.p95 <= TARGETS_MS[name];
      if (!ok) missed++;
      console.log(
        name.padEnd(28),
        r.p50.toFixed(1).padStart(8),
        r.p95.toFixed(1).padStart(8),
        String(TARGETS_MS[name]).padStart(8),
        ok ? "ok" : "MISSED",
      );
    }
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const memOk = rssMb <= MEMORY_TARGET_MB;
    if (!memOk) missed++;
    console.log(`\nprocess memory (RSS) ${rssMb.toFixed(0)} MB, target ${MEMORY_TARGET_MB} MB ${memOk ? "ok" : "MISSED"}`);
    await db().$disconnect();
    console.log(missed === 0 ? "\nAll targets met." : `\n${missed} target(s) missed.`);
    process.exitCode = missed === 0 ? 0 : 1;
  } finally {
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
