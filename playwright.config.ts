// End-to-end tests against the production build (`next start`), driven by `npm test`, which
// builds the app, seeds a database and sets the variables read here.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2eMailFrom } from "./tests/e2e/mail-from";
import { webServerPreloads } from "./scripts/lib/web-server";

// `npm test` starts one server (port and database) per worker: E2E_PORTS and E2E_DATABASE_URLS, comma-separated.
// Run by hand, one server on E2E_PORT (default 3100) with the environment's DATABASE_URL.
const ports = (process.env.E2E_PORTS ?? process.env.E2E_PORT ?? "3100").split(",").map(Number);
const databaseUrls = process.env.E2E_DATABASE_URLS?.split(",") ?? [];
const baseURL = `http://localhost:${ports[0]}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Artifacts go one level down: Playwright empties its outputDir, and test-results/ also holds vitest.json.
  outputDir: `test-results/playwright-${process.env.PW_RUN_ID ?? "local"}`,
  // Spec files are shared out between the workers; each worker talks only to its own server and database
  // (the `baseURL` fixture in tests/e2e/fixtures.ts), and a file's tests run in order.
  workers: ports.length,
  fullyParallel: false,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  // Waits are for what the user sees, each with room for a busy 2-core machine (a sign-in hashes a password; a page
  // may wait for a core): a wait that passes returns at once, so only a real failure takes this long. A test's own
  // limit is only a backstop against a hang, not a budget for its length: long journeys take what they take.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: `test-results/playwright-${process.env.PW_RUN_ID ?? "local"}.json` }]],
  use: {
    baseURL,
    trace: { mode: "retain-on-failure", screenshots: false },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
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
  webServer: ports.flatMap((port, i) => {
    const env = {
      APP_URL: `http://localhost:${port}`,
      ...(databaseUrls[i] ? { DATABASE_URL: databaseUrls[i] } : {}),
      // Each server's e-mails come from an address of its own, so a test reads only its own server's mail.
      MAIL_FROM: `Advanced Practice Credentials <${e2eMailFrom(i)}>`,
      // Every test browses from one address, far faster than a person: the public budget is raised (still counted)
      // so the suite is not refused.
      PUBLIC_REQUESTS_PER_MINUTE: process.env.PUBLIC_REQUESTS_PER_MINUTE ?? "100000",
    };
    return [
      {
        command: `node_modules/.bin/next start -p ${port}`,
        url: `http://localhost:${port}`,
        reuseExistingServer: false,
        timeout: 120_000,
        // Added to Playwright's own environment. The preloads `npm start` gives the web server: x-forwarded-for is
        // the socket's address, and a compressed page is flushed once per turn.
        env: { ...env, PORT: String(port), NODE_OPTIONS: webServerPreloads(path.resolve(".")) },
      },
      {
        // The outbox delivery for that server's database, sending to the SMTP server `npm test` started (SMTP_URL).
        command: "node_modules/.bin/tsx tests/support/outbox-runner.ts",
        reuseExistingServer: false,
        gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
        env,
      },
    ];
  }),
});
