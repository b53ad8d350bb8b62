import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, main } from "./support";

// Professions are chosen from the Centre's list wherever one is entered. Seeded: Northbridge's approved first contact
// practice (MSK) delivery, and the listed credentials' target groups (APC-0005, first contact practice, is the only
// one naming podiatry; APC-0006 and APC-0010, frailty, name occupational therapy).

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";

test("a provider gives impact figures by profession chosen from the list, and a profession given twice is refused", async ({
  page,
  signInAs,
}) => {
  await signInAs("PROVIDER");
  await page.goto("/impact");
  await page.getByRole("link", { name: `Start a return for ${PLAN}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New impact return");
  await expectAccessible(page);

  await page.getByLabel("Period", { exact: true }).fill("2027/28");
  await page.getByLabel("Enrolled", { exact: true }).fill("20");
  await page.getByLabel("Completed", { exact: true }).fill("15");
  await page.getByLabel("Withdrawn", { exact: true }).fill("2");
  await page.getByLabel("Deployed in advanced-practice roles", { exact: true }).fill("10");
  const rows: [string, number, number, number][] = [
    ["Physiotherapy", 12, 9, 6],
    ["Physiotherapy", 8, 6, 4],
  ];
  for (const [i, [profession, enrolled, completed, deployed]] of rows.entries()) {
    await page.getByLabel(`Row ${i + 1} profession`).selectOption({ label: profession });
    await page.getByLabel(`Row ${i + 1} enrolled`).fill(String(enrolled));
    await page.getByLabel(`Row ${i + 1} completed`).fill(String(completed));
    await page.getByLabel(`Row ${i + 1} deployed`).fill(String(deployed));
  }
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("link", { name: "Row 2 profession: Each profession can appear only once" })).toBeVisible();
  await expect(page.getByLabel("Row 2 profession").locator("option:checked")).toHaveText("Physiotherapy");
  await expectAccessible(page);

  await page.getByLabel("Row 2 profession").selectOption({ label: "Paramedicine" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Impact return 2027/28");
  await expectConfirmation(page, "Impact return started");
  const figures = page.getByRole("table", { name: "Figures by profession" });
  await expect(figures.getByRole("row", { name: /Paramedicine/ })).toContainText("8");
  await expect(figures.getByRole("row", { name: /Physiotherapy/ })).toContainText("12");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit return" }).click();
  await expect(page.getByLabel("Row 1 profession").locator("option:checked")).toHaveText("Paramedicine");
  await expectAccessible(page);
});

test("a visitor filters the catalogue by a profession, keeping the other filters, and sees it on the entry", async ({ page }) => {
  await page.goto("/catalogue");
  await expectAccessible(page);
  await page.getByLabel("Profession", { exact: true }).selectOption({ label: "Podiatry" });
  await page.getByLabel("Pillar of advanced practice").selectOption({ label: "Clinical practice" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]profession=[^&]+/);
  await expect(page).toHaveURL(/[?&]pillar=CLINICAL_PRACTICE(&|$)/);
  await expect(page.getByLabel("Profession", { exact: true }).locator("option:checked")).toHaveText("Podiatry");
  await expect(page.getByRole("status")).toHaveText("1 credential");
  await expect(main(page).getByRole("link", { name: /^APC-0005: / })).toBeVisible();
  await expect(main(page).getByRole("link", { name: /^APC-0006: / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download these credentials as CSV" })).toHaveAttribute("href", /profession=/);
  await expectAccessible(page);

  await main(page)
    .getByRole("link", { name: /^APC-0005: / })
    .click();
  const targetGroup = page.getByRole("region", { name: "Target group" });
  await expect(targetGroup.getByRole("listitem")).toContainText(["Nursing", "Paramedicine", "Physiotherapy", "Podiatry"]);
  await expectAccessible(page);
});
