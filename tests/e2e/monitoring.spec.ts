import { expect, expectAccessible, test } from "./fixtures";
import { go, main, navLink, switchTo } from "./support";

// Risk-based monitoring. Staff work out the Midlands frailty plan's rating (its last accepted return, in the demo data,
// has a third of its learners withdrawing and 68% satisfaction, which the demonstration rules rate high), read why,
// and override it with a reason; then they place the demo provider's first-contact plan under enhanced monitoring,
// and the provider submits the monitoring report it now owes.

test.describe.configure({ timeout: 180_000 });

const RATED_PLAN = "Community Frailty Practice (level 7)";
const MONITORED_PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";

test("staff see a plan's risk rating with its reasons and override it; a plan under enhanced monitoring gets the provider's report", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await expect(main(page).getByText("New: until first cohort completes").first()).toBeVisible();
  await go(page, () => page.getByRole("link", { name: RATED_PLAN, exact: true }).click(), RATED_PLAN);

  await page.getByRole("button", { name: "Work out the rating now" }).click();
  await expect(main(page)).toContainText("Risk rating worked out");
  await expectAccessible(page);
  const risk = page.getByRole("region", { name: "Risk rating" });
  await expect(risk).toContainText("Rating: High");
  await expect(risk).toContainText(/Withdrawals 33% of the year's learners in the \d{4} return, above 25%: high/);
  await expect(risk).toContainText(/Learner satisfaction 68% in the \d{4} return, below 75%: medium/);
  await expect(risk).toContainText("Next quality review due:");
  await expect(main(page)).toContainText("New plan: monitored until its first cohort completes");

  await page.getByRole("button", { name: "Override the rating" }).click();
  await expect(main(page).getByRole("link", { name: "Choose the rating that applies instead" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Rating that applies instead").selectOption("MEDIUM");
  await page.getByLabel("Why you are overriding the rating").fill("The withdrawals were one employer's winter pressures, now resolved.");
  await page.getByRole("button", { name: "Override the rating" }).click();
  await expect(main(page)).toContainText("Risk rating overridden");
  await expect(risk).toContainText("Rating: Medium (overridden by staff; the rules give high)");
  await expect(risk).toContainText("one employer's winter pressures");
  await expect(page.getByRole("region", { name: "History", exact: true }).first()).toContainText("one employer's winter pressures");
  await expectAccessible(page);
  await go(page, () => risk.getByRole("link", { name: /risk rules version 1/ }).click(), "Risk rules");
  await expect(main(page)).toContainText("Demonstration only");

  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: MONITORED_PLAN, exact: true }).click(), MONITORED_PLAN);
  await page.getByLabel("Why you are placing the plan under enhanced monitoring").fill("Two partner trusts withdrew supervisors mid-year.");
  await page.getByRole("button", { name: "Place under enhanced monitoring" }).click();
  await expect(main(page)).toContainText("Under enhanced monitoring since");
  await expect(main(page).getByRole("link", { name: "Report 1" })).toBeVisible();
  await expectAccessible(page);

  await switchTo(page, () => signInAs("PROVIDER"));
  await expect(main(page)).toContainText("Write the monitoring report");
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: MONITORED_PLAN, exact: true }).click(), MONITORED_PLAN);
  await go(page, () => main(page).getByRole("link", { name: "Report 1" }).click(), "Monitoring report 1");
  await page.getByRole("button", { name: "Submit the report" }).click();
  await expect(main(page).getByRole("link", { name: "Enter the report" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your report").fill("New supervisors are in place in both trusts; every learner has a named supervisor again.");
  await page.getByRole("button", { name: "Submit the report" }).click();
  await expect(main(page)).toContainText("Monitoring report submitted");
  await expect(main(page)).toContainText("every learner has a named supervisor again");
  await expectAccessible(page);
});
