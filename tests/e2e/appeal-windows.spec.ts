import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, fillDate, isoDateFromToday, main } from "./support";

// An admin keeps the appeal window and the bank holidays its working days skip. The window published here takes effect
// in a month and the bank holiday is years ahead, so no other journey's appeal deadline moves.

test("an admin adds a bank holiday and publishes a new appeal window, and a refused form keeps what was typed", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/admin");
  await main(page).getByRole("link", { name: "Appeal windows" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appeal windows and bank holidays" })).toBeVisible();
  await expect(main(page)).toContainText("10 working days from the decision");
  await expect(main(page).getByRole("row").filter({ hasText: "Christmas Day (substitute day)" })).toContainText("27 December 2027");
  await expectAccessible(page);

  // A bank holiday: added, then removed again on its own confirmation page, with a reason.
  const holidayRow = () => main(page).getByRole("row").filter({ hasText: "24 December 2030" });
  await fillDate(page, "Date", "2030-12-24");
  await page.getByLabel("Name", { exact: true }).fill("Christmas Eve closure");
  await page.getByRole("button", { name: "Add bank holiday" }).click();
  await expectConfirmation(page, "The bank holiday was added to the list.");
  await expect(holidayRow()).toContainText("Christmas Eve closure");
  await expectAccessible(page);
  await holidayRow().getByRole("link", { name: "Remove 24 December 2030" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Remove Christmas Eve closure on 24 December 2030?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reason for removing it").fill("Not a bank holiday: the Centre's own closure.");
  await page.getByRole("button", { name: "Yes, remove this bank holiday" }).click();
  await expectConfirmation(page, "The bank holiday was removed from the list.");
  await expect(holidayRow()).toHaveCount(0);

  // A window longer than 60 working days is refused by the field, keeping the source typed; then published.
  const source = "Appeals and complaints procedure (revised), https://advanced-practice.hee.nhs.uk/?p=10146";
  await page.getByLabel("Working days").fill("90");
  await page.getByLabel("Source", { exact: true }).fill(source);
  await fillDate(page, "Takes effect on", isoDateFromToday(30));
  await page.getByRole("button", { name: "Publish window" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "The window must be a whole number of working days from 1 to 60",
  );
  await expect(page.getByLabel("Source", { exact: true })).toHaveValue(source);
  await expectAccessible(page);
  await page.getByLabel("Working days").fill("15");
  await page.getByRole("button", { name: "Publish window" }).click();
  await expectConfirmation(page, "Appeal window published");
  await expect(page.getByRole("table", { name: "Windows that take effect later" })).toContainText("15 working days");
  await expect(main(page)).toContainText("10 working days from the decision");
  await expectAccessible(page);
});
