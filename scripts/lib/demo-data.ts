// Whether `npm start` loads the demo data. A pure function of the arguments and environment, so it is tested alone.

export type DemoDecision = { load: boolean; reason: string };

/**
 * The embedded database (no DATABASE_URL) is a demo on this machine: it gets the demo people and credentials. A
 * database named by DATABASE_URL is presumed real and gets none unless asked for: `npm start -- --demo` or
 * SEED_DEMO=1. SEED_DEMO=0 keeps the embedded database empty too.
 */
export function demoDataDecision(args: readonly string[], env: Readonly<Record<string, string | undefined>>): DemoDecision {
  if (args.includes("--demo")) return { load: true, reason: "asked for with --demo" };
  if (env.SEED_DEMO === "1") return { load: true, reason: "asked for with SEED_DEMO=1" };
  if (env.SEED_DEMO === "0") return { load: false, reason: "SEED_DEMO=0" };
  if (!env.DATABASE_URL) return { load: true, reason: "the embedded database is a demo" };
  return { load: false, reason: "the database in DATABASE_URL gets none unless asked for (npm start -- --demo, or SEED_DEMO=1)" };
}
