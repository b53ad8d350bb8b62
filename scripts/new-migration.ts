// Creates the next migration from a schema change, without Prisma's native engines:
//   npm run db:migration -- <name>
// Prisma's own WebAssembly schema engine diffs the schema as of the last migration
// (prisma/migrations/schema-snapshot.prisma) against prisma/schema/*.prisma and writes
// prisma/migrations/<timestamp>_<name>/migration.sql — the layout `prisma migrate deploy` reads.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { loadEngine, schemaFiles, type Engine } from "./lib/schema-engine";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma/migrations");
const snapshotPath = path.join(migrationsDir, "schema-snapshot.prisma");

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. add_completion_notes)");
    process.exit(1);
  }
  const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({});
  try {
    await createMigration(name, await loadEngine(process.env.DATABASE_URL ?? pg!.url("postgres")));
  } finally {
    await pg?.stop();
  }
}

async function createMigration(name: string, engine: Engine) {
  const files = schemaFiles();
  const from = existsSync(snapshotPath)
    ? { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }] }
    : { tag: "empty" };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  if (result.exitCode === 0) {
    console.log("The schema has not changed since the last migration: nothing to do.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), result.stdout ?? "");
  // The snapshot is every schema file joined, so the next diff starts from exactly this state.
  writeFileSync(snapshotPath, files.map((f) => f.content).join("\n"));
  console.log(`Created ${path.relative(root, dir)}/migration.sql`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
