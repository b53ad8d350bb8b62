// Running data-layer modules outside Next. They start with `import "server-only"`, which throws unless resolved with
// Next's `react-server` condition: the job worker resolves that one marker package to an empty module. Some read
// through Next's data cache (`unstable_cache` from `next/cache`), which exists only inside a Next server: outside it
// they read straight through. Call these before importing any app module (with a dynamic import); the bundled
// worker gets the same two substitutions from esbuild (scripts/lib/bundle.ts).
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;

export function allowServerOnlyModules(): void {
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/** `next/cache` outside Next: no data cache, so a cached read reads through, and expiring a tag or a path does nothing. */
export const NEXT_CACHE_READS_THROUGH = [
  "export const unstable_cache = (fn) => fn;",
  "export const updateTag = () => {};",
  "export const revalidateTag = () => {};",
  "export const revalidatePath = () => {};",
].join("\n");

export function readThroughNextCache(): void {
  const stub = `data:text/javascript,${encodeURIComponent(NEXT_CACHE_READS_THROUGH)}`;
  const cacheHook = `export async function resolve(specifier, context, next) {
  return specifier === "next/cache" ? { url: ${JSON.stringify(stub)}, shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(cacheHook)}`);
}
