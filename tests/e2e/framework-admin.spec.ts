import { expect, expectAccessible, test } from "./fixtures";
import { main } from "./support";

test("an admin reads an edition's core capabilities by pillar and rewrites one summary, with a record of the change", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/admin");
  await main(page).getByRole("link", { name: "Capability framework" }).click();
  const editions = page.getByRole("table", { name: "2 editions" });
  await expect(editions.getByRole("row").filter({ hasText: "(2025)" })).toContainText("Yes, the current edition");
  await expectAccessible(page);

  await editions.getByRole("link", { name: "Multi-professional framework for advanced clinical practice in England (2017)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Multi-professional framework for advanced clinical practice in England",
  );
  const research = page.getByRole("table", { name: "Research" });
  await expect(research.getByRole("row")).toHaveCount(9);
  await expectAccessible(page);

  await research.getByRole("link", { name: "Change the summary of capability 4.6" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Capability 4.6" })).toBeVisible();
  const summary = page.getByLabel("Summary", { exact: true });
  await summary.fill("");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a summary of the capability");
  const reworded = "Builds and regularly reviews sound governance and documentation systems.";
  await summary.fill(reworded);
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The capability summary has been saved." })).toBeVisible();
  await expect(page.getByRole("table", { name: "History" })).toContainText("Core capability: Edit");
  await expectAccessible(page);

  await page.getByRole("link", { name: /Multi-professional framework for advanced clinical practice in England \(2017\)/ }).click();
  await expect(page.getByRole("table", { name: "Research" })).toContainText(reworded);
});
