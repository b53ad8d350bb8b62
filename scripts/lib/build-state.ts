// Decides whether `next build` must run: no build yet, or a source file newer than the build. Used by
// `npm start` (the app's .next) and by `npm test` (its own build folder), so both watch the same inputs.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Everything a production build is made from. */
const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma/schema"];
const SOURCE_FILES = ["package.json", "package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

/** Why the build in `distDir` (relative to `root`; next.config.js reads NEXT_DIST_DIR) must be made again, or undefined when it is newer than every source. */
export function buildReason(root: string, distDir = ".next"): string | undefined {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const built = statSync(buildId).mtimeMs;
  const newest = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p))));
  return newest > built ? "sources changed since the last build" : undefined;
}

export const needsBuild = (root: string, distDir?: string) => buildReason(root, distDir) !== undefined;
