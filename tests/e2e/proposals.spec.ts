import { expect, expectAccessible, test } from "./fixtures";
import { go, main, navLink, switchTo } from "./support";

test.describe.configure({ timeout: 180_000 });

test("a provider proposes an area of practice; staff assess each gateway criterion and accept it into a round; the provider sees the feedback and the priority", async ({
  page,
  signInAs,
}) => {
  const stamp = Date.now();
  const title = `Community frailty ${stamp}`;
  const roundName = `E2E proposals ${stamp}`;

  await signInAs("PROVIDER");
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: "Propose an area of practice" }).click(), "Propose an area of practice");
  await page.getByLabel("Area of practice", { exact: true }).fill(title);
  await page.getByLabel("Summary of the need").fill("Older people living with frailty wait too long for an advanced assessment at home.");
  await page.getByLabel("Evidence for criterion 1").fill("Regional workforce data show a shortfall of advanced practitioners.");
  await page.getByLabel("Evidence for criterion 2").fill("Demand from every integrated care board in the region.");
  await go(page, () => page.getByRole("button", { name: "Save draft proposal" }).click(), title);
  await expect(main(page)).toContainText("there is 1 without evidence");
  await expect(page.getByRole("button", { name: "Submit proposal" })).toHaveCount(0);

  await page.getByLabel("Evidence for criterion 3").fill("No existing credential covers this area of practice.");
  await go(page, () => page.getByRole("button", { name: "Save proposal" }).click(), title);
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(main(page)).toContainText("Status: Submitted");
  await expectAccessible(page);

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await go(page, () => page.getByRole("link", { name: "Create a round" }).click(), "Create a priority round");
  await page.getByLabel("Round name").fill(roundName);
  await go(page, () => page.getByRole("button", { name: "Create round" }).click(), roundName);
  await page.getByRole("button", { name: `Open round ${roundName}` }).click();
  await expect(main(page)).toContainText("Status: Open");

  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
  for (const n of ["1", "2", "3"]) {
    await page
      .getByRole("group", { name: `Is criterion ${n} met?` })
      .getByLabel("Met", { exact: true })
      .check();
    await page.getByLabel(`Comment on criterion ${n}`).fill(`Criterion ${n} is met by the evidence given.`);
  }
  await page.getByLabel("Feedback to the proposer").fill("A clear, well-evidenced case for a credential.");
  await go(page, () => page.getByRole("button", { name: "Save assessment" }).click(), title);
  await expect(main(page)).toContainText("Status: Under assessment");

  await go(page, () => page.getByRole("link", { name: "Accept into a priority round" }).click(), "Accept into a priority round");
  await page.getByLabel("Priority round").selectOption({ label: roundName });
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await page.getByLabel("Population or patient need").fill("Older people living with frailty at home.");
  await page.getByLabel("Link to the NHS Long Term Plan").fill("Ageing well: urgent community response.");
  await page.getByLabel("Professions in scope").fill("Nursing\nPhysiotherapy");
  await go(page, () => page.getByRole("button", { name: "Accept and create the priority" }).click(), title);
  await expect(main(page)).toContainText("Status: Accepted");
  await go(page, () => main(page).getByRole("link", { name: title }).click(), title);
  await expect(main(page)).toContainText(`Round ${roundName}, rank 1`);

  await switchTo(page, () => signInAs("PROVIDER"));
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
  await expect(main(page)).toContainText("A clear, well-evidenced case for a credential.");
  await expect(main(page)).toContainText("Criterion 2 is met by the evidence given.");
  await expect(main(page)).toContainText(`${title} in round ${roundName} (Draft)`);
});

test("staff ask an expert group for more information, which it gives and resubmits; declining then goes through a confirmation page with a reason", async ({
  page,
  signInAs,
}) => {
  const title = `Acute frailty units ${Date.now()}`;
  const assessAll = async (answer: string) => {
    for (const n of ["1", "2", "3"]) {
      await page
        .getByRole("group", { name: `Is criterion ${n} met?` })
        .getByLabel(answer, { exact: true })
        .check();
    }
    await go(page, () => page.getByRole("button", { name: "Save assessment" }).click(), title);
  };

  await signInAs("EXPERT");
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: "Propose an area of practice" }).click(), "Propose an area of practice");
  await page.getByLabel("Area of practice", { exact: true }).fill(title);
  await page.getByLabel("Summary of the need").fill("Frail older people admitted acutely need senior assessment within hours.");
  for (const n of ["1", "2", "3"]) await page.getByLabel(`Evidence for criterion ${n}`).fill(`Evidence for criterion ${n}.`);
  await go(page, () => page.getByRole("button", { name: "Save draft proposal" }).click(), title);
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(main(page)).toContainText("Status: Submitted");

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await page.getByLabel("Status").selectOption({ label: "Submitted" });
  await go(page, () => page.getByRole("button", { name: "Apply filters" }).click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
  await assessAll("More evidence needed");
  await page.getByLabel("What more information does the proposer need to give?").fill("Say how many admissions a year this covers.");
  await page.getByRole("button", { name: "Ask for more information" }).click();
  await expect(main(page)).toContainText("Status: More information requested");

  await switchTo(page, () => signInAs("EXPERT"));
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
  await expect(main(page)).toContainText("Say how many admissions a year this covers.");
  await page.getByLabel("Evidence for criterion 1").fill("About 40,000 admissions a year in the region.");
  await go(page, () => page.getByRole("button", { name: "Save proposal" }).click(), title);
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(main(page)).toContainText("Status: Submitted");

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await go(page, () => navLink(page, "Proposals").click(), "Gateway proposals");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
  await assessAll("Not met");
  await go(page, () => page.getByRole("link", { name: "Decline proposal" }).click(), "Decline this proposal?");
  await page.getByRole("button", { name: "Yes, decline this proposal" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter a reason for declining this proposal" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reason for declining this proposal").fill("Already covered by the acute medicine credential.");
  await go(page, () => page.getByRole("button", { name: "Yes, decline this proposal" }).click(), title);
  await expect(main(page)).toContainText("Status: Declined");
  await expect(main(page)).toContainText("Declined: Already covered by the acute medicine credential.");
});
