// Every journey imports `test` and `expect` from here: `signInAs(role)` signs in as a seeded demo account,
// `signInAsEmail(page, email)` as any other seeded user through the real form, `expectAccessible(page)` runs
// axe-core on the page. Shared multi-page steps are in support.ts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type Cookie, type Page, type Request } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-users";

export type Role = keyof typeof DEMO_USERS;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core's WCAG 2.2 A/AA rules on the page as it is now. axe runs in the page itself (`axe.run`), injected
 * through the DevTools protocol so the page's Content Security Policy does not stop it; our pages have no frames.
 * (@axe-core/playwright's default run also opens a blank page per check to merge frame results, which took three
 * times as long on a two-core machine.)
 */
export async function expectAccessible(page: Page): Promise<void> {
  await settle(page);
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    // The page title is checked below, where a title still on its way is waited for.
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      rules: { "document-title": { enabled: false } },
      // Details only for what fails: passing nodes are not collected (much less work on a long page).
      resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, WCAG_TAGS);
  const report = violations.map((v) => `${v.id}: ${v.help}\n${v.targets.map((t) => `    ${t}`).join("\n")}`).join("\n");
  expect(
    violations.map((v) => v.id),
    `Accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([]);
  await expectTitled(page);
}

/**
 * Every page has a title (WCAG 2.4.2, axe's document-title). After a client-side navigation Next sets the new page's
 * <title> a moment after its body, and now and then drops it altogether (a Next 16 soft-navigation defect,
 * vercel/next.js#95268; the server renders it in every page's HTML): then the page is checked as loaded afresh, so a
 * page that really has no title still fails.
 */
async function expectTitled(page: Page): Promise<void> {
  const titled = () =>
    page
      .waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
  if (await titled()) return;
  await page.reload();
  expect(await page.title(), `The page ${page.url()} has no title`).toMatch(/\S/);
}

/** Requests the page has in flight (fetches, including server actions and client-side navigations, and documents). */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  const done = (request: Request) => pending.delete(request);
  page.on("request", (request) => {
    if (["fetch", "xhr", "document"].includes(request.resourceType())) pending.add(request);
  });
  page.on("requestfinished", done);
  page.on("requestfailed", done);
}

/**
 * Waits until the page has had no request in flight for a moment, so a server action or navigation a click started
 * has finished rendering before the page is checked (a check run while React swaps the page sees half of each).
 */
async function settle(page: Page): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) return;
  const deadline = Date.now() + 30_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 150) return;
    await page.waitForTimeout(25);
  }
}

/** The browser forgets its session, as a visitor who is not signed in; the session itself stays valid. */
export async function forgetSession(page: Page): Promise<void> {
  await page.context().clearCookies();
}

/** Signs in through the real form (from a browser holding no session); every seeded user shares the demo password. */
export async function signInAsEmail(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await forgetSession(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const ports = (process.env.E2E_PORTS ?? process.env.E2E_PORT ?? "3100").split(",");

// Each seeded person signs in through the form once per worker (each worker has its own server); later sign-ins
// reuse the session's cookie, as a person returning to an open browser does. Tests of signing in and out use
// `signInAsEmail`, which always goes through the form.
const sessions = new Map<string, Cookie[]>();

/** Signs in as a seeded person, reusing their session when this worker has one that is still valid. */
export async function signInReusingSession(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const key = `${test.info().parallelIndex} ${email}`;
  const cookies = sessions.get(key);
  if (cookies) {
    await forgetSession(page);
    await page.context().addCookies(cookies);
    await page.goto("/dashboard");
    // A session ended since (signed out, or idle too long) sends the browser to sign in: then sign in afresh.
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
  }
  await signInAsEmail(page, email, password);
  sessions.set(key, await page.context().cookies());
}

export const test = base.extend<{ signInAs: (role: Role) => Promise<void> }>({
  page: async ({ page }, use) => {
    trackRequests(page);
    await use(page);
  },
  // Each worker has its own server and database (playwright.config.ts), so its specs never meet another's data.
  baseURL: async ({}, use, testInfo) => use(`http://localhost:${ports[testInfo.parallelIndex % ports.length]}`),
  signInAs: async ({ page }, use) => {
    await use((role) => signInReusingSession(page, DEMO_USERS[role].email, DEMO_USERS[role].password));
  },
});

export { expect };
