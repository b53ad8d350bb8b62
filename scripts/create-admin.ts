// `npm run create-admin -- --email ada@centre.example --name "Ada Lovelace"` — the first Centre admin of a new
// installation, against DATABASE_URL (as `npm run db:seed` uses it). Prints a one-time link, valid for 7 days,
// where they choose their password; from then on they invite everyone else from /admin/people.
import "dotenv/config";
import { parseArgs } from "node:util";
import { allowServerOnlyModules } from "./lib/server-only-hook";

const USAGE = 'Usage: npm run create-admin -- --email ada@centre.example --name "Ada Lovelace"';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the app's database.");
  process.exit(1);
}

let email: string | undefined;
let name: string | undefined;
try {
  ({
    values: { email, name },
  } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } }));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : err}\n${USAGE}`);
  process.exit(1);
}
if (!email || !name) {
  console.error(USAGE);
  process.exit(1);
}

allowServerOnlyModules();
const { createCentreAdmin } = await import("../lib/data/people");
const { AppError } = await import("../lib/errors");
const { db } = await import("../lib/db");
try {
  const admin = await createCentreAdmin({ email, name });
  if (admin.createdOrganisation) console.log("Created the organisation Centre for Advancing Practice.");
  console.log(
    `Created ${name} <${email}> as a Centre admin. Open this link (once, within 7 days) to choose their password:\n\n  ${admin.link}\n`,
  );
} catch (err) {
  const fields = err instanceof AppError ? Object.values(err.fieldErrors ?? {}).flat() : [];
  console.error(fields.length ? fields.join("\n") : err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
