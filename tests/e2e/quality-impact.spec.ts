// Quality and impact journeys on APC-0005's approved Northbridge delivery (seeded): the annual return, the
// in-progress quality review with its overdue action, and a new impact return that reaches the portfolio figures.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, type Role } from "./fixtures";
import { expectConfirmation, fillDate, main, parentLink } from "./support";

// Each journey crosses several roles and checks every page with axe, so it needs longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";

/** Signs in as another role in the same browser (the session cookie is replaced), and checks the landing page. */
async function switchTo(page: Page, signInAs: (role: Role) => Promise<void>, role: Role) {
  await page.context().clearCookies();
  await signInAs(role);
  await expectAccessible(page);
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await expectAccessible(page);
}

test("the provider submits the open annual return and staff accept it", async ({ page, signInAs }) => {
  await switchTo(page, signInAs, "PROVIDER");
  await visit(page, "/quality-reviews?returns=OPEN");
  const returns = page.getByRole("region", { name: /Annual returns/ });
  await returns
    .getByRole("link", { name: new RegExp(PLAN.replace(/[()]/g, "\\$&")) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Annual return ${new Date().getFullYear()}`);
  await expectAccessible(page);

  await page.getByLabel("Cohorts", { exact: true }).fill("Cohort 2: 24 enrolled, 19 completed, 2 withdrew, 3 continuing.");
  await page.getByLabel("Changes to delivery", { exact: true }).fill("Supervision log checks every term.");
  await page.getByLabel("Staffing and supervision", { exact: true }).fill("Programme lead and three FCP lecturers.");
  await page.getByLabel("Concerns", { exact: true }).fill("None");
  await page.getByRole("button", { name: "Submit return" }).click();
  await expectConfirmation(page, "Annual return submitted");
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expect(parentLink(page, PLAN)).toBeVisible();
  await expectAccessible(page);
  const returnUrl = page.url();

  await switchTo(page, signInAs, "CENTRE_STAFF");
  await visit(page, returnUrl);
  await expect(page.getByText("Cohort 2: 24 enrolled")).toBeVisible();
  await page.getByRole("button", { name: "Accept return" }).click();
  await expectConfirmation(page, "Annual return accepted");
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept return" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a finding and action are recorded, answered and closed, and staff close the review", async ({ page, signInAs }) => {
  await switchTo(page, signInAs, "REVIEWER");
  await visit(page, "/quality-reviews?assigned=me");
  await page
    .getByRole("region", { name: /Quality reviews/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Quality review");
  await expect(page.getByText("Overdue", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  const reviewUrl = page.url();

  await page.getByLabel("Standard area").selectOption({ label: "Learner support" });
  await page.getByLabel("Satisfactory").check();
  await page.getByLabel("Evidence", { exact: true }).fill("Learners value the online seminars; the handbook is out of date.");
  await page.getByRole("button", { name: "Record finding" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /Learner support/ })).toBeVisible();

  await page.getByLabel("Finding", { exact: true }).selectOption({ label: "Learner support: Satisfactory" });
  await page.getByLabel("Action", { exact: true }).fill("Publish an updated learner handbook.");
  await fillDate(page, "Due date", "2027-01-31");
  await page.getByRole("button", { name: "Raise action" }).click();
  await expect(page.getByRole("link", { name: "Publish an updated learner handbook." })).toBeVisible();
  await expectAccessible(page);

  await switchTo(page, signInAs, "PROVIDER");
  await visit(page, reviewUrl);
  await page.getByRole("link", { name: "Publish an updated learner handbook." }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quality action" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your response").fill("The 2026 handbook is published on the VLE.");
  await page.getByRole("button", { name: "Send response" }).click();
  await expect(page.getByText("Responded", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  const actionUrl = page.url();

  await switchTo(page, signInAs, "REVIEWER");
  await visit(page, actionUrl);
  await expect(page.getByText("The 2026 handbook is published on the VLE.")).toBeVisible();
  await page.getByRole("button", { name: "Close action" }).click();
  await expect(page.getByText("Closed", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await visit(page, reviewUrl);
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByText("Reported", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  await switchTo(page, signInAs, "CENTRE_STAFF");
  await visit(page, reviewUrl);
  await page.getByLabel("Does not meet standards").check();
  await page.getByLabel("Summary (optional)").fill("Supervision falls short of the standards; learner support is satisfactory.");
  await page.getByRole("button", { name: "Record outcome and close review" }).click();
  await expectConfirmation(page, "Quality review closed");
  await expect(page.getByText("Closed", { exact: true }).first()).toBeVisible();
  await expect(parentLink(page, PLAN)).toBeVisible();
  await expect(page.getByText("Does not meet standards", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  // Staff may now suspend the plan, after saying why on a confirmation page; they think better of it.
  await page.getByRole("link", { name: "Suspend the delivery plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Suspend this delivery plan\?$/);
  await expect(page.getByLabel("Reason for suspending the plan")).toBeVisible();
  await expectAccessible(page);
  await main(page).getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/quality-reviews\/[^/?]+$/);
  await visit(page, "/quality-reviews?actions=overdue");
  await expect(
    page
      .getByRole("region", { name: /Quality actions/ })
      .getByText("Overdue", { exact: true })
      .first(),
  ).toBeVisible();
});

test("the provider submits a new impact return, staff accept it and it appears in the portfolio", async ({ page, signInAs }) => {
  await switchTo(page, signInAs, "PROVIDER");
  await visit(page, "/impact");
  await page.getByRole("link", { name: `Start a return for ${PLAN}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New impact return");
  await expectAccessible(page);

  await page.getByLabel("Period", { exact: true }).fill("2026/27");
  await page.getByLabel("Enrolled", { exact: true }).fill("25");
  await page.getByLabel("Completed", { exact: true }).fill("30");
  await page.getByLabel("Withdrawn", { exact: true }).fill("1");
  await page.getByLabel("Deployed in advanced-practice roles", { exact: true }).fill("12");
  await page.getByLabel("Row 1 profession").selectOption({ label: "Physiotherapy" });
  await page.getByLabel("Row 1 enrolled").fill("18");
  await page.getByLabel("Row 1 completed").fill("15");
  await page.getByLabel("Row 1 deployed").fill("9");
  await page.getByLabel("Row 2 profession").selectOption({ label: "Paramedicine" });
  await page.getByLabel("Row 2 enrolled").fill("7");
  await page.getByLabel("Row 2 completed").fill("5");
  await page.getByLabel("Row 2 deployed").fill("3");
  await page.getByLabel("Employer feedback").fill("Two PCNs have created FCP posts for completers.");
  await page.getByLabel("Benefit to patients").fill("Waits for a first MSK appointment fell again.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("link", { name: "Completed: Completed cannot be more than enrolled" })).toBeVisible();
  await expect(page.getByLabel("Row 2 profession").locator("option:checked")).toHaveText("Paramedicine");
  await expectAccessible(page);

  await page.getByLabel("Completed", { exact: true }).fill("20");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Impact return 2026/27");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit return" }).click();
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
  const returnUrl = page.url();

  await switchTo(page, signInAs, "CENTRE_STAFF");
  await visit(page, returnUrl);
  await page.getByRole("button", { name: "Accept return" }).click();
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/impact/portfolio");
  const byPeriod = page.getByRole("table", { name: /Learners by period/ });
  const row = byPeriod.getByRole("row", { name: /2026\/27/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("25");
  await expect(page.getByRole("img", { name: /Learners by period\..*2026\/27: 25 enrolled, 20 completed, 12 deployed/ })).toBeVisible();
  // The key lists the series in the order of the bars, each with its bar's colour.
  const chart = page.getByRole("figure", { name: "Learners by period" });
  const key = chart.getByRole("list", { name: "Key to learners by period" }).getByRole("listitem");
  await expect(key).toHaveText(["Enrolled", "Completed", "Deployed"]);
  // The bars are drawn once the chart's script has loaded, after the page.
  await expect(chart.locator(".recharts-bar")).toHaveCount(3);
  const barColours = await chart
    .locator(".recharts-bar")
    .evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar.querySelector(".recharts-rectangle")!).fill));
  expect(await key.locator("span").evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor))).toEqual(barColours);
  await expectAccessible(page);
});

test("impact CSV downloads need a session and come as text/csv attachments", async ({ page, signInAs }) => {
  // The proxy sends anyone without a session to sign in; the route handler refuses them itself too (401).
  const anonymous = await page.request.get("/impact/export/periods", { maxRedirects: 0 });
  expect([307, 401]).toContain(anonymous.status());
  expect(anonymous.headers()["content-type"] ?? "").not.toContain("text/csv");
  await switchTo(page, signInAs, "CENTRE_STAFF");
  await visit(page, "/impact/portfolio");
  const href = await page.getByRole("link", { name: "Download CSV of learners by period" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="impact-by-period.csv"');
  expect((await response.text()).split("\r\n")[0]).toBe(
    "Period,Accepted returns,Enrolled,Completed,Withdrawn,Deployed,Completion rate (%),Deployment rate (%)",
  );
});
