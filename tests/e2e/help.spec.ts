import { expect, expectAccessible, test } from "./fixtures";

// The help page, reached from the footer of any signed-in page, explains the pages the person can open and no others.

test("a provider's help page explains the provider's own pages and leads to them", async ({ page, signInAs }) => {
  await signInAs("PROVIDER");
  await page.goto("/dashboard");
  await page.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help using this service" })).toBeVisible();
  const pages = page.getByRole("definition");
  await expect(page.getByRole("term").getByRole("link", { name: "Delivery plans" })).toBeVisible();
  await expect(pages.filter({ hasText: "plans for delivering endorsed credentials" })).toHaveCount(1);
  // Staff's pages are not offered to a provider.
  await expect(page.getByRole("term").getByRole("link", { name: "Panels" })).toHaveCount(0);
  await expect(page.getByRole("term").getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("term").getByRole("link", { name: "Delivery plans" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery plans" })).toBeVisible();
});

test("a Centre admin's help page includes staff's and the admin pages; signed out, it asks for sign-in", async ({ page, signInAs }) => {
  await page.goto("/help");
  await expect(page).toHaveURL(/\/sign-in/);
  await signInAs("CENTRE_STAFF");
  await page.goto("/help");
  await expect(page.getByRole("term").getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(page.getByRole("term").getByRole("link", { name: "Panels" })).toBeVisible();
});
