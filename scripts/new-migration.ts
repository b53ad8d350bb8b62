// Creates the next migration from a schema change, without Prisma's native engines:
//   npm run db:migration -- <name>
// Prisma's own WebAssembly schema engine diffs the schema as of the last migration
// (prisma/migrations/schema-snapshot.prisma) against prisma/schema/*.prisma and writes
// prisma/migrations/<timestamp>_<name>/migration.sql — the layout `prisma migrate deploy` reads.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");
const schemaDir = path.join(root, "prisma/schema");
const migrationsDir = path.join(root, "prisma/migrations");
const snapshotPath = path.join(migrationsDir, "schema-snapshot.prisma");

type Engine = { diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }> };

async function loadEngine(databaseUrl: string): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bindingsPath);
  const bindings = await import(bindingsPath);
  // An ESM import of the .wasm file is not supported by Node, so instantiate it by hand.
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // The engine opens a connection even for schema-to-schema diffs; nothing is written to it.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  return bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

function schemaFiles() {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(schemaDir, f), content: readFileSync(path.join(schemaDir, f), "utf8") }));
}

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
