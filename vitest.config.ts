import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // Server modules start with `import "server-only"`, which throws outside a React server bundle.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)) },
    ],
  },
  test: {
    // The machine has two cores; both projects share one pool of two workers.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          maxWorkers: 2,
          // Real PostgreSQL on a two-core machine that may be busy: a slow test is not a failing one. The
          // limits stay finite so a hung query still fails the run.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
