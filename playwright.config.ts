// End-to-end tests against the production build (`next start`), driven by `npm test`, which
// builds the app, seeds a database and sets the variables read here.
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Artifacts go one level down: Playwright empties its outputDir, and test-results/ also holds vitest.json.
  outputDir: `test-results/playwright-${process.env.PW_RUN_ID ?? "local"}`,
  // One worker while journeys share the seeded database; raise to 2 once they are independent.
  workers: 1,
  fullyParallel: false,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: `test-results/playwright-${process.env.PW_RUN_ID ?? "local"}.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      // Keep Chromium off the network: these machines only reach the package registries.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    // Playwright adds these to its own environment (DATABASE_URL, APP_URL…). The preload makes
    // x-forwarded-for the socket's address, as `npm start` does. Every test browses from that one address, far
    // faster than a person: the public budget is raised (still counted) so the suite is not refused.
    env: {
      PORT: String(port),
      NODE_OPTIONS: `--require ${JSON.stringify(path.resolve("scripts/client-address.cjs"))}`,
      PUBLIC_REQUESTS_PER_MINUTE: process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "100000",
    },
  },
});
