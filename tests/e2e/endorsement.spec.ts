import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/demo-users";
import { expect, expectAccessible, test } from "./fixtures";

// Endorsement review and publication, as staff and reviewers do it. APC-0002 (submitted, no review yet)
// goes all the way to the catalogue; APC-0003 (in review) is used for the demo reviewer's own assessment.

const PALLIATIVE = "Palliative and End of Life Care in the Community";
const RAVI = "ravi.menon@independent.example";

/** The credential's review page, found from the credentials list as staff or reviewers see it. */
async function openReview(page: Page, title: string) {
  await page.goto("/credentials");
  const href = await page.getByRole("link", { name: title }).getAttribute("href");
  await page.goto(`${href}/review`);
  await expect(page.getByRole("heading", { level: 1, name: /Endorsement review/ })).toBeVisible();
  await expectAccessible(page);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function signInWithEmail(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Rates every criterion on the assessment form, adds comments, recommends and submits. */
async function completeAssessment(page: Page, recommendation: string) {
  const groups = page.getByRole("group", { name: /^Is criterion .+ met\?$/ });
  const count = await groups.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await groups.nth(i).getByLabel("Met", { exact: true }).check();
  await page.getByLabel("Comment on criterion 4", { exact: true }).fill("Capabilities are clearly set out as outcomes.");
  await page.getByLabel("Overall comment").fill("A well-evidenced specification, ready for endorsement.");
  await page.getByRole("group", { name: "Your recommendation" }).getByLabel(recommendation, { exact: true }).check();
  await page.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Endorsement review/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Your submitted assessment" })).toBeVisible();
  await expectAccessible(page);
}

async function assessAs(page: Page, recommendation: string) {
  await openReview(page, PALLIATIVE);
  await page.getByRole("link", { name: "Record your assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Your endorsement assessment/ })).toBeVisible();
  await expectAccessible(page);
  await completeAssessment(page, recommendation);
}

test("staff assign reviewers, both assess, staff endorse with conditions and publish; the public sees it", async ({ page, signInAs }) => {
  test.setTimeout(180_000);
  await signInAs("CENTRE_STAFF");
  await openReview(page, PALLIATIVE);
  await page.getByLabel("Sam Reid").check();
  await page.getByLabel("Dr Ravi Menon").check();
  await page.getByLabel("Assessments due by").fill("2030-01-31");
  await page.getByRole("button", { name: "Assign reviewers and start review" }).click();
  await expect(page.getByText("Reviewers assigned. They have been notified.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw Dr Ravi Menon" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signInAs("REVIEWER");
  await assessAs(page, "Endorse with conditions");
  await signOut(page);
  await signInWithEmail(page, RAVI);
  await assessAs(page, "Endorse");
  await signOut(page);

  await signInAs("CENTRE_STAFF");
  await openReview(page, PALLIATIVE);
  const comparison = page.getByRole("table", { name: "Assessments side by side" });
  await expect(comparison.getByRole("columnheader", { name: "Sam Reid" })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: "Dr Ravi Menon" })).toBeVisible();
  await page.getByRole("group", { name: "Decision" }).getByLabel("Endorse with conditions", { exact: true }).check();
  await page.getByLabel("Rationale", { exact: true }).fill("Both reviewers recommend endorsement; one condition on carers' support.");
  await page.getByLabel("Conditions", { exact: true }).fill("Add outcomes on supporting carers, including after bereavement.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Add outcomes on supporting carers, including after bereavement.", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Mark as met/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mark condition as met" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("How was the condition met?").fill("Carers' outcomes added to version 1 before launch.");
  await page.getByRole("button", { name: "Mark as met" }).click();
  await expect(page.getByRole("link", { name: /^Reopen condition/ })).toBeVisible();
  await page.getByRole("button", { name: "Publish in the catalogue" }).click();
  await expect(page.getByRole("link", { name: /view APC-0002 in the catalogue/ })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await page.goto("/catalogue");
  await page.getByRole("link", { name: `APC-0002: ${PALLIATIVE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(PALLIATIVE) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Area-specific capabilities (learning outcomes)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conditions of endorsement" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expectAccessible(page);
  const data = await (await page.request.get("/catalogue/APC-0002/export")).json();
  expect(data).toMatchObject({ reference: "APC-0002", endorsedSpecification: { number: 1 } });
  expect(data.endorsedSpecification.learningOutcomes.length).toBeGreaterThan(0);
});

test("the demo reviewer submits their APC-0003 assessment; an empty submission shows the error summary", async ({ page, signInAs }) => {
  await signInAs("REVIEWER");
  await openReview(page, "Mental Health – Acute Care");
  await page.getByRole("link", { name: "Record your assessment" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit assessment" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Rate criterion 4.1" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose your recommendation" })).toBeVisible();
  await expectAccessible(page);
  await completeAssessment(page, "Endorse");
});
