import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { go, main, navLink, switchTo } from "./support";

// Change notifications: the demo provider reports a major change to its approved plan; Centre staff ask for more
// information, the provider answers, and staff approve the change with a reason. The plan stays approved throughout.

test.describe.configure({ timeout: 180_000 });

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";

async function openChangeFromList(page: Page, changePath: string) {
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: "Changes reported to approved plans" }).click(), "Changes to delivery plans");
  await go(page, () => main(page).locator(`a[href="${changePath}"]`).click(), "Major change: assessment");
}

test("a provider reports a major change; staff ask for more information, the provider answers, and staff approve it", async ({
  page,
  signInAs,
}) => {
  const stamp = Date.now();
  const whatChanged = `The learning-outcome 3 OSCE becomes a supervised portfolio (${stamp}).`;

  await signInAs("PROVIDER");
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => page.getByRole("link", { name: "Report a change" }).click(), "Report a change");
  await page.getByRole("button", { name: "Report the change" }).click();
  await expect(main(page).getByRole("link", { name: "Choose what the change is about" })).toBeVisible();
  await expect(main(page).getByRole("link", { name: "Enter what has changed" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Assessment (major change)").check();
  await page.getByLabel("What has changed").fill(whatChanged);
  await page.getByLabel("Why it has changed").fill("OSCE examiners are no longer available in every partner trust.");
  await go(page, () => page.getByRole("button", { name: "Report the change" }).click(), "Major change: assessment");
  await expect(main(page)).toContainText("Status: Reported");
  await expect(main(page)).toContainText(whatChanged);
  const changePath = new URL(page.url()).pathname;

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await openChangeFromList(page, changePath);
  const outcomes = page.getByRole("group", { name: "What to do with the change" });
  await expect(outcomes.getByLabel("Note the change")).toHaveCount(0);
  await outcomes.getByLabel("Ask for more information").check();
  await page.getByLabel("What to tell the provider").fill("Which partner trusts, and who will assess the portfolio?");
  await go(page, () => page.getByRole("button", { name: "Record the outcome" }).click(), "Major change: assessment");
  await expect(main(page)).toContainText("Status: More information requested");

  await switchTo(page, () => signInAs("PROVIDER"));
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => main(page).locator(`a[href="${changePath}"]`).click(), "Major change: assessment");
  await expect(main(page)).toContainText("Which partner trusts, and who will assess the portfolio?");
  await page.getByLabel("Your answer").fill("All three partner trusts; portfolios are assessed by the programme's FCP lecturers.");
  await go(page, () => page.getByRole("button", { name: "Send your answer" }).click(), "Major change: assessment");
  await expect(main(page)).toContainText("Status: Reported");

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await openChangeFromList(page, changePath);
  await expect(main(page)).toContainText("portfolios are assessed by the programme's FCP lecturers");
  await page.getByRole("group", { name: "What to do with the change" }).getByLabel("Approve the change").check();
  await page.getByLabel("What to tell the provider").fill("The portfolio still assesses learning outcome 3 at level 7.");
  await go(page, () => page.getByRole("button", { name: "Record the outcome" }).click(), "Major change: assessment");
  await expect(main(page)).toContainText("Status: Approved");
  await expect(main(page)).toContainText("The portfolio still assesses learning outcome 3 at level 7.");
  await expect(page.getByRole("heading", { name: "Triage the change" })).toHaveCount(0);
  await go(page, () => main(page).getByRole("link", { name: PLAN }).click(), PLAN);
  await expect(main(page)).toContainText("Status: Approved");
});

test("staff reject a major change on its own confirmation page, with a reason", async ({ page, signInAs }) => {
  const whatChanged = `A second delivery partner joins for placements (${Date.now()}).`;
  await signInAs("PROVIDER");
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => page.getByRole("link", { name: "Report a change" }).click(), "Report a change");
  await page.getByLabel("Delivery partner (major change)").check();
  await page.getByLabel("What has changed").fill(whatChanged);
  await page.getByLabel("Why it has changed").fill("More placement capacity.");
  await go(page, () => page.getByRole("button", { name: "Report the change" }).click(), "Major change: delivery partner");
  const changePath = new URL(page.url()).pathname;

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: "Changes reported to approved plans" }).click(), "Changes to delivery plans");
  await go(page, () => main(page).locator(`a[href="${changePath}"]`).click(), "Major change: delivery partner");
  await expect(page.getByRole("group", { name: "What to do with the change" }).getByLabel("Reject the change")).toHaveCount(0);
  await go(page, () => main(page).getByRole("link", { name: "Reject the change" }).click(), "Reject this change?");
  await page.getByRole("button", { name: "Yes, reject this change" }).click();
  await expect(main(page).getByRole("link", { name: "Enter what you want to tell the provider" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reason for rejecting").fill("The partner has no approved placement agreement.");
  await go(page, () => page.getByRole("button", { name: "Yes, reject this change" }).click(), "Major change: delivery partner");
  await expect(main(page)).toContainText("Status: Rejected");
  await expect(main(page)).toContainText("The partner has no approved placement agreement.");
});
