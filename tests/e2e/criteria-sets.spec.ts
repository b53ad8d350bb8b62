import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, fillDate, go, main, openReview } from "./support";

// Criteria sets as a Centre admin keeps them, and the Centre's criterion 4.1 as a reviewer rates it: part by part,
// with the guidance notes beside each part.

test("an admin drafts a new version of the endorsement criteria, rewords a part and publishes it from a future date", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/admin");
  await go(page, () => page.getByRole("link", { name: "Criteria sets" }).click(), "Criteria sets");
  const endorsement = page.getByRole("region", { name: "Endorsement criteria", exact: true });
  await expect(endorsement.getByRole("link", { name: "Version 1: Endorsement criteria" })).toBeVisible();
  await expect(endorsement).toContainText("Published");

  await go(page, () => page.getByRole("button", { name: "Draft a new version of the endorsement criteria" }).click(), "Version 2");
  await expectConfirmation(page, /new draft version/);
  const criteria = page.getByRole("table", { name: "6 criteria" });
  for (const number of ["4", "4.1", "4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)"]) {
    await expect(criteria.getByRole("rowheader", { name: new RegExp(`^${number.replace(/[().]/g, "\\$&")} `) })).toBeVisible();
  }
  await expect(main(page)).toContainText("Source");
  await expect(main(page)).toContainText("advanced-practice.hee.nhs.uk/our-work/credentials/endorsement-criteria/");

  await go(page, () => page.getByRole("link", { name: "Change criterion 4.1(a)" }).click(), "Change criterion 4.1(a)");
  await page.getByLabel("Title", { exact: true }).fill("Key professional activities in the area");
  await page.getByRole("button", { name: "Save criterion" }).click();
  await expectConfirmation(page, "The criterion was saved.");
  await expect(criteria).toContainText("Key professional activities in the area");

  // A date in the past is refused: publishing must not change what was in effect for work already done.
  await fillDate(page, "Takes effect on", "2020-01-01");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("today or in the future");
  await expectAccessible(page);
  await fillDate(page, "Takes effect on", "2099-01-01");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expectConfirmation(page, /was published/);
  await expect(main(page)).toContainText("1 January 2099");
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expectAccessible(page);
});

test("a reviewer rates each of 4.1's four parts, with 4.1's guidance notes beside each", async ({ page, signInAs }) => {
  await signInAs("REVIEWER");
  await openReview(page, "Mental Health – Acute Care");
  await go(page, () => page.getByRole("link", { name: "Record your assessment" }).click(), "Your endorsement assessment");
  await expect(main(page)).toContainText("Criterion 4.1: How the capability requirements are written.");
  for (const part of ["a", "b", "c", "d"]) {
    await expect(page.getByRole("group", { name: `Is criterion 4.1(${part}) met?` })).toBeVisible();
    await expect(page.getByText(`Guidance notes for criterion 4.1(${part})`)).toBeVisible();
  }
  await page.getByText("Guidance notes for criterion 4.1(b)").click();
  await expect(page.getByText(/map to the core capabilities/).nth(1)).toBeVisible();
  await expectAccessible(page);

  // A comment on a part left unrated is not saved: the error names that part.
  await page.getByLabel("Comment on criterion 4.1(b)", { exact: true }).fill("Mapping to the Framework is partial.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Rate criterion 4.1(b) to keep your comment on it" })).toBeVisible();
  await expectAccessible(page);
});

test("an admin records a reviewer's clinical expertise with their professions on the person's page", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/admin/people");
  await go(page, () => main(page).getByRole("link", { name: "Dr Ravi Menon" }).click(), "Dr Ravi Menon");
  const expertise = page.getByRole("group", { name: "Expertise" });
  await expect(expertise.getByLabel("Academic", { exact: true })).toBeChecked();
  await expertise.getByLabel("Clinical", { exact: true }).check();
  await page.getByRole("button", { name: "Save expertise" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter the professions of their clinical expertise",
  );
  await expectAccessible(page);
  await page.getByLabel("Professions of their clinical expertise").fill("Pharmacist");
  await page.getByRole("button", { name: "Save expertise" }).click();
  await expectConfirmation(page, "Their reviewer expertise was saved.");
  await expect(main(page)).toContainText("Academic; clinical (Pharmacist); service user or lay");
  await expectAccessible(page);
});
