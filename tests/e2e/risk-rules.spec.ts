import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, fillDate, isoDateFromToday, main } from "./support";

test("an admin publishes a new version of the risk rules, starting from the last one; thresholds out of order are refused", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/admin");
  await main(page).getByRole("link", { name: "Risk rules" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Version 1 (in effect)" })).toBeVisible();
  const high = page.getByLabel("Withdrawal rate above which a plan is high risk (%)");
  await expect(page.getByLabel("Withdrawal rate above which a plan is medium risk (%)")).toHaveValue("15");
  await expect(high).toHaveValue("25");
  await expect(page.getByLabel("Rating after a quality review that does not meet standards")).toHaveValue("HIGH");
  await expectAccessible(page);

  // From tomorrow, so the version in effect, which the other journeys rate by, stays the same today.
  await fillDate(page, "Date the rules take effect", isoDateFromToday(1));
  await high.fill("10");
  await page.getByRole("button", { name: "Publish these rules" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "The withdrawal rate for high risk must be above the rate for medium risk",
  );
  await expectAccessible(page);

  await page.getByLabel("Withdrawal rate above which a plan is high risk (%)").fill("30");
  await page.getByRole("button", { name: "Publish these rules" }).click();
  await expectConfirmation(page, "New version of the risk rules published");
  await expect(page.getByRole("heading", { level: 3, name: "Version 2", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Version 1 (in effect)" })).toBeVisible();
  await expect(page.getByLabel("Withdrawal rate above which a plan is high risk (%)")).toHaveValue("30");
  await expectAccessible(page);
});
