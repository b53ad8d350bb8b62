// ESLint: Next's rules (React, hooks, accessibility, Core Web Vitals), typescript-eslint, and the layers of the code.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** `no-restricted-imports` patterns that keep one layer out of another. */
const forbid = (group, message) => ({ group, message });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-test/**", ".data/**", "lib/generated/**", "test-results/**", "bench-results/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // CommonJS preloads are required by Node before any module loader runs.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures hand their value to `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The lifecycle rules are pure: no database, no jobs, no sessions.
    files: ["lib/workflow/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            forbid(
              ["@/lib/data/*", "@/lib/jobs/*", "@/lib/auth/*", "@/lib/db", "@/lib/generated/*", "@/lib/generated/**", "@prisma/*"],
              "lib/workflow is pure rules: it imports nothing from data, jobs, auth or Prisma.",
            ),
          ],
        },
      ],
    },
  },
  {
    // Pages and components reach the database only through lib/data's entity functions.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            forbid(
              ["@/lib/db", "@/lib/generated/prisma/client", "@prisma/*"],
              "Pages and components read and write through lib/data, never Prisma directly.",
            ),
            forbid(
              ["@/lib/data/transition", "@/lib/data/scope", "@/lib/data/keyset", "@/lib/data/submissions"],
              "These are lib/data internals: use the entity functions of lib/data.",
            ),
          ],
          paths: [{ name: "next/link", message: "Use @/components/ui/Link, which does not prefetch (see there why)." }],
        },
      ],
    },
  },
  {
    // The one place that wraps next/link.
    files: ["components/ui/Link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The data layer never starts jobs: the jobs use the data layer.
    files: ["lib/data/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [forbid(["@/lib/jobs/*"], "lib/data must not import lib/jobs (the jobs import lib/data).")] },
      ],
    },
  },
]);
