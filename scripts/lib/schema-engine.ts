// Prisma's own WebAssembly schema engine, without Prisma's native binaries: used to write migrations
// (scripts/new-migration.ts) and to check that the migrations match the schema (tests/integration/migrations.test.ts).
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const schemaDir = path.resolve(import.meta.dirname, "../../prisma/schema");

export type Engine = { diff(p: unknown): Promise<{ exitCode: number; stdout: string | null }> };

export async function loadEngine(databaseUrl: string): Promise<Engine> {
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

export function schemaFiles() {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(schemaDir, f), content: readFileSync(path.join(schemaDir, f), "utf8") }));
}
