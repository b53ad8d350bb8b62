import { expect, expectAccessible, test } from "./fixtures";
import { main, navLink } from "./support";

// The list of professions practitioners are recorded in is kept by Centre admins.

test("an admin adds a profession, renames it and retires it, and a retired profession is marked so", async ({ page, signInAs }) => {
  const name = `Osteopathy ${Date.now()}`;
  await signInAs("CENTRE_STAFF");
  await navLink(page, "Admin").click();
  await main(page).getByRole("link", { name: "Professions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Professions" })).toBeVisible();
  await expect(main(page).getByRole("link", { name: "Physiotherapy", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add profession" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the profession's name");
  await page.getByLabel("Profession", { exact: true }).fill(name);
  await page.getByLabel("Regulator", { exact: true }).fill("GOsC");
  await page.getByRole("button", { name: "Add profession" }).click();
  await expect(page.getByRole("status")).toContainText("The profession was added to the list.");

  await main(page).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New name").fill(`${name} (renamed)`);
  await page.getByRole("button", { name: "Rename profession" }).click();
  await expect(page.getByRole("status")).toContainText("The profession was renamed.");

  await main(page)
    .getByRole("link", { name: `${name} (renamed)`, exact: true })
    .click();
  await page.getByRole("button", { name: "Retire profession" }).click();
  await expect(page.getByRole("status")).toContainText("The profession was updated.");
  await expect(main(page).getByRole("row", { name: new RegExp(`${name} \\(renamed\\)`) })).toContainText("Retired");
  await expectAccessible(page);
});
