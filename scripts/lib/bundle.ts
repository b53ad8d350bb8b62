// The job worker runs as one plain JavaScript file for node, built here with esbuild, rather than through tsx: tsx
// compiles every module as it is loaded and keeps a process of its own beside the worker, which together held about
// 170 MB more than the same worker bundled (241 MB and 56 MB at rest against 130 MB). Only the app's own code is
// bundled; packages stay in node_modules, imported as usual. Bundling takes well under a second, so it is done at
// every start.
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { NEXT_CACHE_READS_THROUGH } from "./server-only-hook";

/** Where bundles are written (ignored by git); packages resolve from the project's node_modules above it. */
export const bundleDir = (root: string) => path.join(root, ".build");

// Data-layer modules start with `import "server-only"`, which throws unless resolved with Next's `react-server`
// condition: outside Next it is an empty module (as scripts/lib/server-only-hook.ts makes it for tsx).
const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

// Outside Next there is no data cache: the worker's reads through lib/data (a list's shared total, say) read through,
// and expiring a tag or a path does nothing. (Next's package has no exports map, so node itself cannot resolve
// `next/cache` from an ES module.)
const nextCacheReadsThrough: Plugin = {
  name: "next-cache-reads-through",
  setup(b) {
    b.onResolve({ filter: /^next\/cache$/ }, () => ({ path: "next/cache", namespace: "next-cache" }));
    b.onLoad({ filter: /.*/, namespace: "next-cache" }, () => ({ contents: NEXT_CACHE_READS_THROUGH, loader: "js" }));
  },
};

/** Bundles `entry` (relative to `root`) into `.build/<name>.mjs` and returns that file's path. */
export async function bundleScript(root: string, entry: string): Promise<string> {
  const outfile = path.join(bundleDir(root), `${path.basename(entry, path.extname(entry))}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [serverOnlyIsEmpty, nextCacheReadsThrough],
    logLevel: "error",
  });
  return outfile;
}
