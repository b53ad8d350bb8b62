import type { Page } from "@playwright/test";
import { expect, expectAccessible, forgetSession, signInAsEmail, test } from "./fixtures";
import { completeAssessment, expectConfirmation, fillDate, isoDateFromToday, main, openReview } from "./support";

// Endorsement review and publication, as staff and reviewers do it. APC-0002 (submitted, no review yet)
// goes all the way to the catalogue; APC-0003 (in review) is used for the demo reviewer's own assessment.

const PALLIATIVE = "Palliative and End of Life Care in the Community";
const RAVI = "ravi.menon@independent.example";

async function assessAs(page: Page, recommendation: string) {
  await openReview(page, PALLIATIVE);
  await page.getByRole("link", { name: "Record your assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Your endorsement assessment/ })).toBeVisible();
  await expectAccessible(page);
  await completeAssessment(page, recommendation);
}

test("staff assign reviewers, both assess, staff endorse with conditions and publish; the public sees it", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  await openReview(page, PALLIATIVE);
  await page.getByLabel("Sam Reid").check();
  await page.getByLabel("Dr Ravi Menon").check();
  await fillDate(page, "Assessments due by", "2030-01-31");
  await page.getByRole("button", { name: "Assign reviewers and start review" }).click();
  await expectConfirmation(page, "Reviewers assigned");
  // Withdrawing a reviewer asks first, and why; staff think better of it.
  await page.getByRole("link", { name: "Withdraw Dr Ravi Menon" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Withdraw Dr Ravi Menon from this review?");
  await expect(page.getByLabel("Reason for withdrawing the reviewer")).toBeVisible();
  await expectAccessible(page);
  await main(page).getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsement review" })).toBeVisible();

  await signInAs("REVIEWER");
  await assessAs(page, "Endorse with conditions");
  await signInAsEmail(page, RAVI);
  await assessAs(page, "Endorse");

  await signInAs("CENTRE_STAFF");
  await openReview(page, PALLIATIVE);
  const comparison = page.getByRole("table", { name: "Assessments side by side" });
  await expect(comparison.getByRole("columnheader", { name: "Sam Reid" })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: "Dr Ravi Menon" })).toBeVisible();
  // Staff decide with each part's guidance notes beside its ratings.
  await comparison.getByText("Guidance notes for criterion 4.1(c)").click();
  await expect(comparison.getByText(/map to the core capabilities/).nth(2)).toBeVisible();
  // Declining is not among the form's choices: it has its own page that says what follows and asks why.
  await expect(page.getByRole("group", { name: "Decision" }).getByLabel("Decline", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Decline this specification" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Decline version 1 of this specification?");
  await expect(page.getByLabel("Reason for declining")).toBeVisible();
  await expectAccessible(page);
  await main(page).getByRole("link", { name: "Cancel" }).click();
  await page.getByRole("group", { name: "Decision" }).getByLabel("Endorse with conditions", { exact: true }).check();
  await page.getByLabel("Rationale", { exact: true }).fill("Both reviewers recommend endorsement; one condition on carers' support.");
  await page.getByLabel("Conditions", { exact: true }).fill("Add outcomes on supporting carers, including after bereavement.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Add outcomes on supporting carers, including after bereavement.", { exact: true })).toBeVisible();
  // An open condition due before launch holds publication back, and the page says why.
  await expect(page.getByRole("region", { name: "Publication" })).toContainText(
    "Mark its open condition of endorsement as met before publishing it",
  );
  await expect(page.getByRole("button", { name: "Publish in the catalogue" })).toHaveCount(0);
  await expectAccessible(page);
  const condition = page.getByRole("link", { name: /^Change when it is due, or mark as met/ });
  await condition.click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsement condition" })).toBeVisible();
  await expectAccessible(page);
  // A due date after launch lets publication go ahead with the condition open; a past date is refused.
  await fillDate(page, "Due date", isoDateFromToday(-1));
  await page.getByRole("button", { name: "Save due date" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The due date must be today or in the future");
  await fillDate(page, "Due date", isoDateFromToday(60));
  await page.getByRole("button", { name: "Save due date" }).click();
  await expectConfirmation(page, "Due date saved");
  await expect(main(page)).toContainText("Due by");
  await expect(page.getByRole("button", { name: "Publish in the catalogue" })).toBeVisible();
  await condition.click();
  await page.getByLabel("How was the condition met?").fill("Carers' outcomes added to version 1 before launch.");
  await page.getByRole("button", { name: "Mark as met" }).click();
  await expectConfirmation(page, "Condition marked as met");
  await expect(page.getByRole("link", { name: /^Reopen condition/ })).toBeVisible();
  // The catalogue's data is cached: read it before publishing so the cache holds a page without APC-0002.
  const reviewUrl = page.url();
  await page.goto("/catalogue");
  await expect(page.getByRole("heading", { level: 1, name: "Endorsed credentials" })).toBeVisible();
  await expect(page.getByRole("link", { name: `APC-0002: ${PALLIATIVE}` })).toHaveCount(0);
  await page.goto(reviewUrl);
  await page.getByRole("button", { name: "Publish in the catalogue" }).click();
  await expectConfirmation(page, "Credential published");
  await expect(page.getByRole("link", { name: /view APC-0002 in the catalogue/ })).toBeVisible();
  await expectAccessible(page);
  await forgetSession(page);

  await page.goto("/catalogue");
  await page.getByRole("link", { name: `APC-0002: ${PALLIATIVE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(PALLIATIVE) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Area-specific capabilities (learning outcomes)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conditions of endorsement" })).toBeVisible();
  await expect(page.locator("dl > div").filter({ hasText: /^Conditions/ })).toContainText("Its 1 condition is met");
  await expect(page.getByText(/^Met on /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  // The demo specification accounts for every core capability: its outcomes, or links to other provision.
  await expect(page.getByRole("table", { name: /Learning outcomes against the core capabilities/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    /of 38 core capabilities are covered by learning outcomes; \d+ met through other provision; 0 out of scope; 0 missing\./,
  );
  await expectAccessible(page);
  const data = await (await page.request.get("/catalogue/APC-0002/export")).json();
  expect(data).toMatchObject({ reference: "APC-0002", endorsedSpecification: { number: 1 } });
  expect(data.endorsedSpecification.learningOutcomes.length).toBeGreaterThan(0);
  const capabilities: { status: string }[] = data.capabilityFramework.coreCapabilities;
  expect(capabilities).toHaveLength(38);
  expect(capabilities.filter((c) => c.status === "MISSING")).toEqual([]);
});

test("the demo reviewer submits their APC-0003 assessment; an empty submission shows the error summary", async ({ page, signInAs }) => {
  await signInAs("REVIEWER");
  await openReview(page, "Mental Health – Acute Care");
  await page.getByRole("link", { name: "Record your assessment" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit assessment" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  for (const part of ["a", "b", "c", "d"]) {
    await expect(summary.getByRole("link", { name: `Rate criterion 4.1(${part})`, exact: true })).toBeVisible();
  }
  await expect(summary.getByRole("link", { name: "Choose your recommendation" })).toBeVisible();
  await expectAccessible(page);
  await completeAssessment(page, "Endorse");
});
