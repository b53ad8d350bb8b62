import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, test, type Role } from "./fixtures";

const DASHBOARD_HEADINGS: Record<Role, string> = {
  CENTRE_STAFF: "Centre staff dashboard",
  EXPERT: "Expert-group member dashboard",
  PROVIDER: "Education provider dashboard",
  REVIEWER: "Reviewer dashboard",
};

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

for (const role of Object.keys(DEMO_USERS) as Role[]) {
  test(`${role.toLowerCase()} signs in, lands on their dashboard and signs out`, async ({ page, signInAs }) => {
    await signInAs(role);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DASHBOARD_HEADINGS[role]);
    await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
    await expect(page.getByText(DEMO_USERS[role].name)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("a wrong password shows one error that does not say which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.CENTRE_STAFF.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("The email address or password is not correct.");
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(DEMO_USERS.CENTRE_STAFF.email);
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

test("an empty form shows field errors linked from the error summary", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter your password" })).toBeVisible();
  await expectAccessible(page);
});

test("pages other than sign-in and the catalogue need a session", async ({ page }) => {
  for (const path of ["/dashboard", "/priorities", "/commissions"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: /Endorsed credentials/ })).toBeVisible();
  await expectAccessible(page);
});

test("signing in after following a link returns to the page that was asked for", async ({ page }) => {
  await page.goto("/priorities?gateway=PASSED");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.EXPERT.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_USERS.EXPERT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/priorities\?gateway=PASSED$/);
  await expect(page.getByRole("heading", { level: 1, name: "Priorities" })).toBeVisible();
  await expectAccessible(page);
});
