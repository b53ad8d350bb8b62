// Data-layer modules start with `import "server-only"`, which throws unless resolved with Next's
// `react-server` condition. The job worker runs them outside Next, so it resolves that one marker
// package to an empty module. Call before importing any app module (with a dynamic import).
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;

export function allowServerOnlyModules(): void {
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
