import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, fillDate, isoDateFromToday, main, navLink } from "./support";

// An endorsement panel from scheduling to the Centre's decision, then an appeal. APC-0009 (both assessments in,
// awaiting a decision) is seeded for this journey alone; APC-0008 was declined long ago, outside the appeal window.

const DIABETES = "APC-0009 Diabetes Care, version 1";

test("staff schedule a panel, put a specification on its agenda, take attendance and its recommendation, then decide; the expert group appeals", async ({
  page,
  signInAs,
}) => {
  await signInAs("CENTRE_STAFF");
  await navLink(page, "Panels").click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsement panels" })).toBeVisible();
  await expectAccessible(page);

  // Scheduling: a quorum larger than the panel is refused by the field.
  await page.getByRole("link", { name: "Schedule a panel meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule a panel meeting" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Endorsement panel, diabetes care");
  await fillDate(page, "Date of the meeting", isoDateFromToday(0));
  const members = page.getByRole("group", { name: "Members" });
  await members.getByLabel("Priya Shah", { exact: true }).check();
  await members.getByLabel("Dr Ravi Menon", { exact: true }).check();
  await page.getByRole("group", { name: "Chair" }).getByLabel("Priya Shah", { exact: true }).check();
  await page.getByLabel("Quorum").fill("3");
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(main(page).getByText("The quorum cannot be more than the number of members (2)").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Quorum").fill("2");
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expectConfirmation(page, "Panel meeting scheduled");
  await expectAccessible(page);

  // The agenda, and the printable pack with each reviewer's ratings side by side.
  await page.getByLabel("Reviewed candidate specification").selectOption({ label: DIABETES });
  await page.getByRole("button", { name: "Add to agenda" }).click();
  await expectConfirmation(page, "Panel meeting given agenda items");

  // Taking it off the agenda is confirmed on its own page with a reason; it can then go on again.
  await page.getByRole("link", { name: /^Take item 1 off the agenda/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Take ${DIABETES} off the agenda?` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reason for taking it off the agenda").fill("The expert group asked to answer a reviewer's comment first.");
  await page.getByRole("button", { name: "Yes, take it off the agenda" }).click();
  await expectConfirmation(page, "Agenda item taken off the agenda");
  await expect(main(page)).toContainText("The expert group asked to answer a reviewer's comment first.");
  await expectAccessible(page);
  await page.getByLabel("Reviewed candidate specification").selectOption({ label: DIABETES });
  await page.getByRole("button", { name: "Add to agenda" }).click();
  await expectConfirmation(page, "Panel meeting given agenda items");
  await page.getByRole("link", { name: "Panel pack (printable)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsement panel, diabetes care" })).toBeVisible();
  const ratings = page.getByRole("table", { name: "Item 1: ratings per criterion, one column per reviewer" });
  await expect(ratings.getByRole("columnheader", { name: "Prof Claire Donovan" })).toBeVisible();
  await expect(ratings.getByRole("columnheader", { name: "Dr Ravi Menon" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the meeting" }).click();

  // Without a quorum the panel cannot recommend; with one it can.
  await page.getByRole("group", { name: "Who attended" }).getByLabel("Priya Shah (chair)").check();
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expectConfirmation(page, "Panel meeting given attendance");
  await expect(main(page).getByText("The panel is not quorate: 1 member attended and the quorum is 2")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record recommendation on item 1" })).toHaveCount(0);
  await page.getByRole("group", { name: "Who attended" }).getByLabel("Dr Ravi Menon").check();
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expectConfirmation(page, "Panel meeting given attendance");
  await page.getByRole("group", { name: "Panel recommendation on item 1" }).getByLabel("Request changes", { exact: true }).check();
  await page.getByLabel("The panel's reasons").fill("Sound, but the research outcome needs to say how practitioners evaluate care.");
  await page.getByRole("button", { name: "Record recommendation on item 1" }).click();
  await expectConfirmation(page, "Agenda item given a recommendation");
  await page
    .getByRole("textbox", { name: "Minutes" })
    .fill("Both members attended. The panel recommended changes to the research outcome.");
  await page.getByRole("button", { name: "Record minutes" }).click();
  await expectConfirmation(page, "Panel meeting recorded as held");
  await expectAccessible(page);

  // The decision form starts from the panel's recommendation; declining instead needs a reason for differing.
  await page.getByRole("link", { name: DIABETES }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Endorsement review" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Decision" }).getByLabel("Request changes", { exact: true })).toBeChecked();
  await expect(main(page)).toContainText("recommended: Request changes");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Decline this specification" }).click();
  await page.getByLabel("Reason for declining").fill("On reflection the outcomes are not pitched at advanced level.");
  await page.getByRole("button", { name: "Yes, decline this specification" }).click();
  await expect(
    main(page).getByText("Give the reason this decision differs from the panel's recommendation (Request changes)").first(),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Reason for differing from the panel's recommendation")
    .fill("Two outcomes were found to be at knowledge level after the panel.");
  await page.getByRole("button", { name: "Yes, decline this specification" }).click();
  await expectConfirmation(page, "Decision recorded");
  await expect(main(page).getByText("Two outcomes were found to be at knowledge level after the panel.").first()).toBeVisible();
  const reviewUrl = page.url().split("?")[0];

  // The expert group appeals within the window; an old decline is out of it.
  await signInAs("EXPERT");
  await page.goto(reviewUrl);
  await page.getByRole("link", { name: "Appeal against this decline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appeal against a decline" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Grounds for your appeal").fill("The reviewers were sent version 1 before our corrected outcomes were uploaded.");
  await page.getByRole("button", { name: "Lodge appeal" }).click();
  await expectConfirmation(page, "Appeal lodged");
  await page.goto("/credentials");
  const perioperative = await page.getByRole("link", { name: "Perioperative Assessment" }).getAttribute("href");
  await page.goto(`${perioperative}/review/appeal`);
  await expect(main(page).getByText(/The appeal window closed on .*, so this decline can no longer be appealed\./)).toBeVisible();

  // Staff uphold the appeal: the specification is back in review for a new decision.
  await signInAs("CENTRE_STAFF");
  await page.goto(`${reviewUrl}/appeal`);
  await page.getByRole("group", { name: "Outcome" }).getByLabel("Upheld").check();
  await page.getByLabel("Reason for the outcome").fill("The wrong version was sent to the reviewers.");
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expectConfirmation(page, "Appeal upheld");
  await expectAccessible(page);
  await page.goto(reviewUrl);
  await expect(page.getByRole("button", { name: "Record decision" })).toBeVisible();
});
