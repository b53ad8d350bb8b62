import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, signInAsEmail, test, type Role } from "./fixtures";

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
  test(`${role.toLowerCase()} signs in, lands on their dashboard and signs out`, async ({ page }) => {
    await signInAsEmail(page, DEMO_USERS[role].email, DEMO_USERS[role].password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DASHBOARD_HEADINGS[role]);
    await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
    await expect(page.getByRole("link", { name: `${DEMO_USERS[role].name} (your account)` })).toBeVisible();
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

test("after signing out, a saved copy of the session cookie no longer opens the dashboard", async ({ page }) => {
  await signInAsEmail(page, DEMO_USERS.PROVIDER.email, DEMO_USERS.PROVIDER.password);
  const saved = (await page.context().cookies()).find((c) => c.name.endsWith("apc-session"));
  expect(saved).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.context().addCookies([saved!]);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("the old /api/auth credentials endpoint no longer signs anyone in", async ({ page }) => {
  const api = page.context().request;
  const csrf = await api.get("/api/auth/csrf", { maxRedirects: 0 });
  const csrfToken = csrf.headers()["content-type"]?.includes("json") ? (await csrf.json()).csrfToken : "";
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email: DEMO_USERS.CENTRE_STAFF.email, password: DEMO_USERS.CENTRE_STAFF.password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session/i);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a callbackUrl that points away from the app lands on the dashboard instead", async ({ page, baseURL }) => {
  test.slow(); // four sign-ins
  for (const callbackUrl of ["/\\evil.example/phish", "/\t/evil.example/phish", "//evil.example/phish", "https://evil.example/phish"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email address", { exact: true }).fill(DEMO_USERS.REVIEWER.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_USERS.REVIEWER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, JSON.stringify(callbackUrl)).toHaveURL(`${baseURL}/dashboard`);
  }
});

test("repeated wrong passwords for one e-mail address are slowed down with a clear message", async ({ page }) => {
  test.slow(); // six attempts
  // An address no other test uses, so the lock-out cannot affect them.
  const email = "throttle-check@nowhere.example";
  const attempt = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("guess");
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.getByRole("alert").filter({ hasText: "There is a problem" });
  };
  for (let i = 0; i < 5; i++) await expect(await attempt()).toContainText("The email address or password is not correct.");
  const summary = await attempt();
  await expect(summary).toContainText(/Too many attempts\. Try again in \d+ seconds?\./);
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(email);
  await expectAccessible(page);
});
