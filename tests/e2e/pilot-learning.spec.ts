// Stage 11, pilot learning: staff see stage cycle-times per route (from the seeded audit trail) and leave process feedback.
import { expect, expectAccessible, test } from "./fixtures";
import { main, navLink } from "./support";

test("pilot learning: staff see cycle times per route and leave process feedback", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  await expectAccessible(page);
  await navLink(page, "Pilot learning").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pilot learning");
  await expectAccessible(page);

  // One table per route, filled from the seeded audit trail.
  for (const route of ["Commissioned", "Pilot phase 1 (completed resource)", "Pilot phase 2 (resource in development)"]) {
    await expect(page.getByRole("table", { name: `Cycle times: ${route}` })).toBeVisible();
  }
  const commissioned = page.getByRole("table", { name: "Cycle times: Commissioned" });
  await expect(commissioned.getByRole("columnheader", { name: "Median days" })).toBeVisible();
  await expect(commissioned.getByRole("rowheader", { name: "Draft" }).first()).toBeVisible();
  await expect(commissioned.getByText("No completed stays on this route yet.")).toHaveCount(0);

  // An empty submission is refused with the error summary.
  await page.getByRole("button", { name: "Send feedback" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose the stage your feedback is about" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your feedback" })).toBeVisible();
  await expectAccessible(page);

  const comment = `Gateway evidence took several rounds of e-mail to gather (${Date.now()}).`;
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Gateway" });
  await page.getByLabel("Rating (optional)").selectOption("3");
  await page.getByLabel("Your feedback").fill(comment);
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your feedback has been recorded." })).toBeVisible();
  const feedback = main(page).getByRole("table", { name: "Process feedback" });
  await expect(feedback.getByRole("row").filter({ hasText: comment })).toContainText("Gateway");
  await expectAccessible(page);
});
