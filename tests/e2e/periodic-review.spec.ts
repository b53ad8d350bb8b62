import { formatDate } from "../../lib/format";
import { reviewDueFrom } from "../../lib/workflow";
import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation } from "./support";

// The seeded APC-0006 is under periodic review with two of its four currency checks recorded. This journey
// concludes it, so it is the only spec that touches APC-0006.

test("staff record the missing currency checks and reaffirm APC-0006 with a new review due date", async ({ page, signInAs }) => {
  // Seven pages, each checked with axe-core: longer than the default budget on a two-core machine.
  test.slow();
  await signInAs("CENTRE_STAFF");
  await page.goto("/periodic-reviews");
  await expect(page.getByRole("heading", { level: 1, name: "Periodic reviews" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /APC-0006 Older People and Frailty/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Periodic review of Older People and Frailty/ })).toBeVisible();
  await expect(
    page.getByText("Record every currency check before concluding; still to do: Technological advances and New models of care."),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Technological advances" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Technological advances/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save check" }).click();
  await expect(page.getByRole("link", { name: "Enter the finding" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Select whether a change is needed" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Finding").fill("Remote monitoring in care homes is established practice; outcome 3 already covers its use.");
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Save check" }).click();
  await expectConfirmation(page, "Currency check saved");
  await expectAccessible(page);

  await page.getByRole("link", { name: "New models of care" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /New models of care/ })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Finding")
    .fill("Integrated neighbourhood frailty teams match the multi-professional model the credential assumes.");
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Save check" }).click();
  await expectConfirmation(page, "Currency check saved");
  await expect(page.getByRole("table", { name: "Findings" }).getByRole("row")).toHaveCount(5);
  await expectAccessible(page);

  await page.getByLabel("Reaffirmed").check();
  await page
    .getByLabel("Rationale")
    .fill("The need, evidence, technology and models of care all remain covered; the guidance update can wait for the next revision.");
  await page.getByRole("button", { name: "Conclude review" }).click();
  await expectConfirmation(page, "Periodic review concluded");
  await expect(page.getByText("Status: Concluded")).toBeVisible();
  const row = (key: string) => page.locator("dl > div").filter({ has: page.getByText(key, { exact: true }) });
  await expect(row("Outcome")).toContainText("Reaffirmed");
  await expect(row("Credential status")).toContainText("Endorsed");
  await expect(row("Next review due")).toContainText(formatDate(reviewDueFrom(new Date())));
  await expect(page.getByRole("link", { name: "Technological advances" })).toHaveCount(0);
  await expectAccessible(page);
});
