// Every journey imports `test` and `expect` from here: `signInAs(role)` signs in through the
// real form with the seeded demo accounts, `signInAsEmail(page, email)` with any other seeded user,
// `expectAccessible(page)` runs axe-core on the page. Shared multi-page steps are in support.ts.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-users";

export type Role = keyof typeof DEMO_USERS;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`).join("\n");
  expect(
    violations.map((v) => v.id),
    `Accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([]);
}

/** Signs in through the real form; every seeded user shares the demo password. */
export async function signInAsEmail(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const ports = (process.env.E2E_PORTS ?? process.env.E2E_PORT ?? "3100").split(",");

export const test = base.extend<{ signInAs: (role: Role) => Promise<void> }>({
  // Each worker has its own server and database (playwright.config.ts), so its specs never meet another's data.
  baseURL: async ({}, use, testInfo) => use(`http://localhost:${ports[testInfo.parallelIndex % ports.length]}`),
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      const user = DEMO_USERS[role];
      await signInAsEmail(page, user.email, user.password);
    });
  },
});

export { expect };
