// `npm run db:migrate` — applies pending migrations to DATABASE_URL.
import "dotenv/config";
import { applyMigrations } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate (npm start migrates its embedded database itself).");
  process.exit(1);
}
applyMigrations(url)
  .then((names) => console.log(names.length ? `Applied: ${names.join(", ")}` : "Database is up to date."))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
