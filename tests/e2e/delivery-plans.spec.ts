import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAsEmail, test } from "./fixtures";
import { fillDate } from "./support";

// The demo provider's approved plan for APC-0005 belongs to the quality-review journeys, so these journeys start
// their own plan (or only read the demo draft).

const CREDENTIAL = "APC-0005 First Contact Practitioner – Musculoskeletal";
const OUTCOMES = 8;

/** The confirmation after an action (the page it lands on may still be loading when asked). */
async function expectMessage(page: Page, message: string) {
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
}

async function mapOutcomes(page: Page, from: number, to: number) {
  for (let n = from; n <= to; n++) {
    await page.getByLabel(`Module for learning outcome ${n}`).fill(`FCP71${n} Module ${n}`);
    await page.getByLabel(`Assessment for learning outcome ${n}`).fill(`Assessment ${n}: observed practice`);
  }
}

async function saveDraft(page: Page) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectMessage(page, "Delivery plan edited");
  await expectAccessible(page);
}

test("a provider plans delivery of an endorsed credential, and staff review and approve it with conditions", async ({ page, signInAs }) => {
  const title = `PG Cert First Contact Practice ${Date.now()}`;
  await signInAs("PROVIDER");
  await page.getByRole("link", { name: "Delivery plans", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery plans" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Start a delivery plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a delivery plan" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Credential").selectOption({ label: CREDENTIAL });
  await page.getByLabel("Programme or module title").fill(title);
  await page.getByRole("button", { name: "Start delivery plan" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Edit delivery plan/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Award").fill("Postgraduate Certificate (60 credits at level 7)");
  await page.getByLabel("Delivery mode").fill("Blended: campus study blocks and supervised practice in primary care");
  await fillDate(page, "Start date", "2027-09-13");
  await page.getByLabel("Cohort size").fill("18");
  await page.getByLabel("Staffing and supervision").fill("Programme lead, two FCP lecturers and a roadmap supervisor for each learner.");
  await page.getByLabel("Quality-assurance arrangements").fill("University validation, external examiner and annual monitoring.");
  await mapOutcomes(page, 1, OUTCOMES - 2);
  await saveDraft(page);

  await expect(page.getByText(`not yet mapped: learning outcome ${OUTCOMES - 1} and learning outcome ${OUTCOMES}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit for approval" })).toHaveCount(0);

  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(page.getByLabel("Module for learning outcome 1")).toHaveValue("FCP711 Module 1");
  await mapOutcomes(page, OUTCOMES - 1, OUTCOMES);
  await saveDraft(page);
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expectMessage(page, "Delivery plan submitted");
  await expect(page.getByText("Status: Submitted")).toBeVisible();
  await expectAccessible(page);
  await signInAs("CENTRE_STAFF");
  await page.goto("/delivery-plans?status=SUBMITTED");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole("row", { name: /Module 8/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start review" }).click();
  await expectMessage(page, "Delivery plan put into review");
  await expectAccessible(page);
  // Rejecting is not a choice on the decision form: it asks first, on its own page; staff think better of it.
  await page.getByRole("link", { name: "Reject plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reject this delivery plan?");
  await expect(page.getByLabel("Reason for rejecting")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();

  await page.getByLabel("Add a comment").fill("Please name the external examiner before the first cohort starts.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expectMessage(page, "Comment added.");
  await expect(page.getByRole("cell", { name: "Please name the external examiner before the first cohort starts." })).toBeVisible();

  await page.getByLabel("Approve with conditions").check();
  await page.getByLabel("Rationale").fill("Every outcome is mapped to a module and an assessment in practice.");
  await page.getByLabel("Conditions (if approving with conditions)").fill("Name the external examiner\nConfirm supervisor training");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expectMessage(page, "Delivery plan approved with conditions");
  await expect(page.getByText("Status: Approved with conditions")).toBeVisible();
  await expectAccessible(page);
  await signInAs("PROVIDER");
  await page.goto("/delivery-plans");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Status: Approved with conditions")).toBeVisible();
  await expect(page.getByText("Confirm supervisor training")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit plan" })).toHaveCount(0);
  await expectAccessible(page);

  // Closing cannot be undone: it asks first, on a page of its own, and needs a reason that the plan then shows.
  await page.getByRole("link", { name: "Close plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Close this delivery plan?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, close this plan" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a reason for closing this delivery plan");
  await expectAccessible(page);
  await page.getByLabel("Reason for closing").fill("The university has withdrawn the programme.");
  await page.getByRole("button", { name: "Yes, close this plan" }).click();
  await expectMessage(page, "Delivery plan closed");
  await expect(page.getByText("Status: Closed")).toBeVisible();
  await expect(page.locator("dl > div").filter({ hasText: "Reason for closing" })).toContainText(
    "The university has withdrawn the programme.",
  );
  await expectAccessible(page);
});

test("a plan of a withdrawn credential is flagged, and no new plan can start against it", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/delivery-plans?status=CLOSED");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Advanced Practice in CYP Mental Health" }).click();
  await expect(page.getByRole("heading", { name: "The credential has been withdrawn" })).toBeVisible();
  await expect(page.getByText("Credential APC-0007 was withdrawn:")).toBeVisible();
  await expectAccessible(page);
  // The breadcrumb leads up to the credential the plan delivers.
  const href = await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: /^APC-0007/ })
    .getAttribute("href");
  const credentialId = href?.split("/").pop();
  expect(credentialId).toBeTruthy();
  await signInAs("PROVIDER");
  await page.goto(`/delivery-plans/new?credential=${credentialId}`);
  await expect(page.getByText("No new delivery plans can start against a withdrawn credential.")).toBeVisible();
  await expect(page.getByLabel("Credential")).toHaveValue("");
  await expectAccessible(page);
});

test("a provider cannot open another provider's delivery plan", async ({ page, signInAs }) => {
  await signInAs("PROVIDER");
  await page.goto("/delivery-plans?status=DRAFT");
  await page.getByRole("link", { name: "First Contact Practice (MSK) – standalone work-based module" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /standalone work-based module/ })).toBeVisible();
  await expectAccessible(page);
  const planUrl = page.url();
  await signInAsEmail(page, "mark.ellison@southfield.example");
  for (const url of [planUrl, `${planUrl}/edit`]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("standalone work-based module")).toHaveCount(0);
    await expectAccessible(page);
  }
});
