// Security headers on every kind of response (page, export, route handler, signed-in page), and the pages still
// hydrate and run their client components under the nonce-based Content Security Policy.
import type { APIResponse, Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, test } from "./fixtures";

// Several pages each checked with axe: longer than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

const PUBLISHED = "APC-0006";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  const csp = directives(headers["content-security-policy"] ?? "");
  const scripts = csp.get("script-src") ?? [];
  expect(
    scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)),
    "script-src has a nonce",
  ).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  expect(csp.has("base-uri")).toBe(true);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // The test server is plain http: telling browsers to insist on https would lock them out.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Collects what Chromium reports when the policy blocks something, and any uncaught error. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("a public page, its JSON export and a route handler carry the security headers", async ({ page }) => {
  const catalogue = await page.request.get(`/catalogue/${PUBLISHED}`);
  expect(catalogue.status()).toBe(200);
  expectSecurityHeaders(catalogue);

  const exported = await page.request.get(`/catalogue/${PUBLISHED}/export`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("application/json");
  expectSecurityHeaders(exported);

  const handler = await page.request.get("/api/auth/csrf");
  expect(handler.status()).toBe(200);
  expectSecurityHeaders(handler);

  const redirect = await page.request.get("/dashboard", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect);
});

test("every page gets a fresh nonce, and Next puts it on its scripts", async ({ page }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const response = await page.request.get("/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("static files the proxy skips are still served with nosniff", async ({ page }) => {
  const html = await (await page.request.get("/sign-in")).text();
  const chunk = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const response = await page.request.get(chunk!);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("behind an https proxy the response also carries HSTS", async ({ page }) => {
  const response = await page.request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
});

test("the catalogue's print button works under the policy with no violation reported", async ({ page }) => {
  const problems = watchForViolations(page);
  const response = await page.goto(`/catalogue/${PUBLISHED}`);
  expectSecurityHeaders(response!);
  await expectAccessible(page);
  // Stub the print dialog; the button only calls it once React has hydrated the page.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(problems).toEqual([]);
});

test("signed-in pages, server actions, charts and CSV exports work under the policy", async ({ page }) => {
  const problems = watchForViolations(page);
  // Signing in is the hydrated form calling a server action, then the client router following its redirect.
  // Spelled out (not the signInAs fixture) to wait longer for the redirect on a busy machine.
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.CENTRE_STAFF.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_USERS.CENTRE_STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  const dashboard = await page.goto("/dashboard");
  expectSecurityHeaders(dashboard!);
  await expectAccessible(page);

  const portfolio = await page.goto("/impact/portfolio");
  expectSecurityHeaders(portfolio!);
  // recharts draws its bars in the browser after hydration.
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expectAccessible(page);

  const href = await page.getByRole("link", { name: "Download CSV of learners by period" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expectSecurityHeaders(csv);

  // Signing out is a server action submitted by the hydrated page.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  expect(problems).toEqual([]);
});
