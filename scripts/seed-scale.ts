// `npm run seed:scale -- --factor 0.1`: adds the national-scale portfolio (scripts/lib/seed-scale.ts; factor 1 is
// 5,000 credentials, 50,000 delivery plans, 100,000 completions…) to the database `npm start` uses: DATABASE_URL,
// or the embedded one in .data/ (started here if `npm start` is not running, else reached on its port). Applies
// the migrations and loads the demo data first if they are missing.
import "dotenv/config";
import path from "node:path";
import { portIsFree, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { ensureDatabase } from "./lib/migrate";
import { migrateDatabase } from "./lib/app-role";
import { parseFactor, seedScale } from "./lib/seed-scale";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[seed:scale] ${line}`);

async function main() {
  const i = process.argv.indexOf("--factor");
  const factor = parseFactor(i === -1 ? undefined : process.argv[i + 1], 0.1);
  let pg: RunningPostgres | null = null;
  let url = process.env.DATABASE_URL;
  try {
    if (!url) {
      const port = Number(process.env.PGPORT ?? 5433);
      if (await portIsFree(port)) {
        log("starting the embedded PostgreSQL (data in .data/pg)");
        pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data"), port, log });
        await ensureDatabase(pg.url("postgres"), "apc");
        url = pg.url("apc");
      } else {
        // `npm start` is running the embedded server: the same owner credentials reach it.
        url = `postgresql://postgres:postgres@127.0.0.1:${port}/apc`;
        log(`using the embedded PostgreSQL already running on port ${port}`);
      }
    }
    const applied = await migrateDatabase(url);
    if (applied.length) log(`applied ${applied.length} migration(s)`);
    const { seed } = await import("../prisma/seed");
    if ((await seed(url)).created) log("loaded the demo data");
    log(`loading factor ${factor}…`);
    await seedScale(url, factor, log);
  } finally {
    await pg?.stop();
  }
}

main().catch((err) => {
  console.error(`[seed:scale] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
