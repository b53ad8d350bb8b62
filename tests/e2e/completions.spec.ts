import type { Page } from "@playwright/test";
import { expect, expectAccessible, forgetSession, test } from "./fixtures";
import { fillDate, go, main } from "./support";

// Recognition of completion: the demo provider records a practitioner who completed APC-0005 through its approved
// plan, Centre staff recognise the completion, and anyone (signed out) can verify the digital badge.

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";
const CREDENTIAL = "APC-0005 First Contact Practitioner – Musculoskeletal";

async function expectMessage(page: Page, message: string) {
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
  await expectAccessible(page);
}

test("a provider records a completion, staff recognise it and the public badge page verifies it", async ({ page, signInAs }) => {
  const practitioner = `Amira Completion ${Date.now()}`;
  await signInAs("PROVIDER");
  await go(
    page,
    () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Delivery plans" }).click(),
    "Delivery plans",
  );
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => page.getByRole("link", { name: "Record a completion" }).click(), "Record a completion");

  // Nothing typed: the error summary names every field, and nothing is recorded.
  await expect(page.getByLabel("Delivery plan", { exact: true })).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the practitioner's full name");
  await expectAccessible(page);

  await page.getByLabel("Practitioner's full name", { exact: true }).fill(practitioner);
  await page.getByLabel("Professional registration number", { exact: true }).fill("PH123456");
  await page.getByLabel("Profession", { exact: true }).fill("Physiotherapy");
  await fillDate(page, "Date completed", "2026-07-15");
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: practitioner })).toBeVisible();
  await expectMessage(page, "Completion recorded");
  await expect(main(page)).toContainText("Status: Recorded");

  await signInAs("CENTRE_STAFF");
  await go(page, () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Completions" }).click(), "Completions");
  await go(page, () => page.getByRole("link", { name: /to recognise/ }).click(), "Completions");
  await go(page, () => page.getByRole("link", { name: practitioner }).click(), practitioner);
  await page.getByRole("button", { name: "Recognise completion" }).click();
  await expectMessage(page, "Completion recognised");
  await expect(main(page)).toContainText("Status: Recognised");
  const badgeHref = await page.getByRole("link", { name: `Verify the badge for ${practitioner}` }).getAttribute("href");
  expect(badgeHref).toMatch(/^\/badges\/[0-9a-f-]{36}$/);

  await forgetSession(page);
  await page.goto(badgeHref!);
  await expect(page.getByRole("heading", { level: 1, name: "This badge is valid" })).toBeVisible();
  await expect(main(page)).toContainText(
    `This badge was issued by NHS England – Centre for Advancing Practice to ${practitioner} for completing the credential ${CREDENTIAL} on 15 July 2026.`,
  );
  await expectAccessible(page);

  const response = await page.request.get(`${badgeHref}/credential`);
  expect(response.ok()).toBe(true);
  const json = await response.json();
  expect(json.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  expect(json.credentialSubject.achievement.name).toBe(CREDENTIAL);
});
