import type { Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, test } from "./fixtures";
import { addPriority, EXPERT_GROUP, fillDate, go, main, navLink } from "./support";

// Malformed URLs and hostile form input get a not-found page or a field error, never a server error; text that is
// accepted is shown exactly as typed, as text.
test.describe.configure({ timeout: 300_000 });

async function expectNotFoundPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("Page not found");
  await expect(page.getByRole("main"), url).toHaveCount(1);
  await expectAccessible(page);
}

/** Signs in as Centre staff through the form, allowing for a slow first sign-in (password hashing) after start. */
async function signInAsStaff(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.CENTRE_STAFF.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_USERS.CENTRE_STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

test("public URLs with a NUL byte answer with the not-found page", async ({ page }) => {
  for (const url of ["/catalogue?q=%00", "/catalogue/%00", "/badges/%00"]) await expectNotFoundPage(page, url);
});

test("public downloads with a malformed identifier answer 404", async ({ request }) => {
  for (const url of ["/badges/%00/credential", "/catalogue/%00/export"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

test("signed-in pages with malformed ids or version numbers answer with the not-found page", async ({ page }) => {
  await signInAsStaff(page);
  for (const url of [
    "/credentials/x/versions/3000000000",
    "/credentials/x/versions/-1",
    "/credentials/x/versions/1.5/edit",
    "/credentials/%00",
    "/priorities/%00",
    "/priorities/%00/gateway",
    "/delivery-plans/%00",
    "/periodic-reviews/%00/checks/evidence-base",
    "/quality-reviews/annual-returns/%00",
  ]) {
    await expectNotFoundPage(page, url);
  }
  expect((await page.request.get("/impact/export/totals?credential=%00")).status()).toBe(404);
});

test("a banner key that names an object property shows no banner and no error", async ({ page }) => {
  await signInAsStaff(page);
  await page.goto("/credentials");
  const href = await main(page).locator('table a[href^="/credentials/"]').first().getAttribute("href");
  for (const done of ["__proto__", "constructor", "toString"]) {
    const response = await page.goto(`${href}/versions/1?done=${done}`);
    expect(response?.status(), done).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Specification version 1");
    await expect(main(page)).not.toContainText("This version has been");
  }
  await expectAccessible(page);
});

test("31 February is refused as not a real date, the typed dates are kept and the error links to the day", async ({ page }) => {
  await signInAsStaff(page);
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await go(page, () => page.getByRole("link", { name: "Critical care", exact: true }).click(), "Critical care");
  await go(page, () => page.getByRole("link", { name: "Commission an expert group" }).click(), "Commission an expert group");
  await page.getByLabel("Title", { exact: true }).fill(`Impossible date ${Date.now()}`);
  await page.getByLabel("Brief").fill("A brief.");
  await page.getByLabel("Deliverables").fill("A specification.");
  await page.getByLabel("Expert group").selectOption({ label: EXPERT_GROUP });
  await fillDate(page, "Start date", "2026-02-31");
  const due = page.getByRole("group", { name: "Due date", exact: true });
  await due.getByLabel("Day").fill("13");
  await due.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Save draft commission" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("The start date must be a real date");
  await expect(summary).toContainText("The due date must include a month");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Commission an expert group");
  const start = page.getByRole("group", { name: "Start date", exact: true });
  await expect(start.getByLabel("Day")).toHaveValue("31");
  await expect(start.getByLabel("Month")).toHaveValue("2");
  await expect(due.getByLabel("Day")).toHaveValue("13");
  await summary.getByRole("link", { name: "The start date must be a real date" }).click();
  await expect(start.getByLabel("Day")).toBeFocused();
  await expectAccessible(page);
});

test("HTML and SQL-looking text in a priority is stored as typed and shown as text", async ({ page }) => {
  const stamp = Date.now();
  const roundName = `Hostile text ${stamp}`;
  const title = `<script>alert(1)</script>' OR 1=1 -- Zoë 日本語 ${stamp}`;
  page.on("dialog", (dialog) => {
    throw new Error(`A script ran: ${dialog.message()}`);
  });

  await signInAsStaff(page);
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await go(page, () => page.getByRole("link", { name: "Create a round" }).click(), "Create a priority round");
  await page.getByLabel("Round name").fill(roundName);
  await go(page, () => page.getByRole("button", { name: "Create round" }).click(), roundName);
  await page.getByRole("button", { name: `Open round ${roundName}` }).click();
  await expect(main(page)).toContainText("Status: Open");

  await addPriority(page, roundName, title);
  await go(page, () => main(page).getByRole("link", { name: title }).click(), title);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  expect(await page.locator("main script").count()).toBe(0);
  await expectAccessible(page);
});
