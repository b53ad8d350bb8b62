import type { Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, test } from "./fixtures";
import { waitForEmail } from "./mailbox";
import { fillDate, go, main } from "./support";

// E-mail that is really sent: an action notifies Centre staff, and the e-mail arrives over SMTP with a working link.

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";

test("a provider records a completion and Centre staff receive the e-mail over SMTP, with a link to it", async ({ page, signInAs }) => {
  const practitioner = `Noor Email ${Date.now()}`;
  await signInAs("PROVIDER");
  await go(
    page,
    () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Delivery plans" }).click(),
    "Delivery plans",
  );
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => page.getByRole("link", { name: "Record a completion" }).click(), "Record a completion");
  await page.getByLabel("Practitioner's full name", { exact: true }).fill(practitioner);
  await page.getByLabel("Professional registration number", { exact: true }).fill("PH654321");
  await page.getByLabel("Profession", { exact: true }).selectOption({ label: "Physiotherapy (HCPC)" });
  await fillDate(page, "Date completed", "2026-07-15");
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: practitioner })).toBeVisible();

  const mail = await waitForEmail(DEMO_USERS.CENTRE_STAFF.email, `Completion to recognise: ${practitioner}`);
  const link = mail.text.match(/Open: (http\S+)/)?.[1];
  expect(link).toMatch(/\/completions\/[A-Za-z0-9_-]+$/);

  await signInAs("CENTRE_STAFF");
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: practitioner })).toBeVisible();

  // The demo staff member is an admin: the failed e-mails page is theirs.
  await page.goto("/admin/emails");
  await expect(page.getByRole("heading", { level: 1, name: "E-mails that failed" })).toBeVisible();
  await expectAccessible(page);
});

test("a person chooses how each kind of notification reaches them by e-mail, with or without JavaScript", async ({
  browser,
  page,
  signInAs,
}) => {
  await signInAs("EXPERT");
  await page.goto("/notifications");
  await go(
    page,
    () => page.getByRole("link", { name: "Choose which notifications also reach you by e-mail" }).click(),
    "E-mail notifications",
  );
  const comments = (p: Page) => p.getByRole("group", { name: /^Comments/ });
  await expect(comments(page).getByLabel("E-mail each one")).toBeChecked();
  await comments(page).getByLabel("One e-mail a day with all of them").check();
  await page.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(page.getByRole("status")).toContainText("Your e-mail choices are saved.");
  await expectAccessible(page);

  // The same form without scripts (axe needs them, so it ran above); this also puts the choice back, as the run shares one database.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/account/notifications");
  await expect(comments(plain).getByLabel("One e-mail a day with all of them")).toBeChecked();
  await comments(plain).getByLabel("E-mail each one").check();
  await plain.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(plain.getByRole("status")).toContainText("Your e-mail choices are saved.");
  await plain.goto("/account/notifications");
  await expect(comments(plain).getByLabel("E-mail each one")).toBeChecked();
  await noScript.close();
});

test("the development mailbox is not served by a production server", async ({ page }) => {
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
  await expect(main(page)).not.toContainText("Development mailbox");
});
