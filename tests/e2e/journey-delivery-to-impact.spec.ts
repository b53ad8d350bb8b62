import type { Page } from "@playwright/test";
import { DEMO_USERS } from "../../prisma/demo-users";
import { formatDate } from "../../lib/format";
import { CURRENCY_CHECKS, reviewDueFrom } from "../../lib/workflow";
import { expect, expectAccessible, test } from "./fixtures";
import { expectConfirmation, fillDate, go, isoDateFromToday, main, navLink, parentLink, switchTo } from "./support";

// After endorsement, in one journey, as the four roles do it in the browser: the demo provider plans a NEW delivery
// of APC-0005 and staff approve it; staff open its first annual return (ahead of the yearly job), which the provider
// submits and staff accept; staff schedule a quality review with the demo reviewer, who records a finding and an
// action and reports; the provider responds, the reviewer closes the action and staff close the review as meeting
// the standards; staff start APC-0005's periodic review (ahead of the job) and reaffirm it; the provider's impact
// return for the new delivery is accepted and reaches the portfolio figures.
// Everything it changes is its own — a plan with a unique title and that plan's returns and review, and a period
// (2027/28) no other journey reports on — except APC-0005's periodic review, which ends with APC-0005 endorsed as
// before. It leaves the seeded annual return, quality review and periodic review (APC-0006) to the other journeys.

const CREDENTIAL_REF = "APC-0005";
const CREDENTIAL_TITLE = "First Contact Practitioner – Musculoskeletal";
const TITLE = `MSc Musculoskeletal First Contact Practice, journey ${Date.now()}`;
const PROVIDER = DEMO_USERS.PROVIDER.organisation;
const REVIEWER = `${DEMO_USERS.REVIEWER.name}, ${DEMO_USERS.REVIEWER.organisation}`;
const YEAR = new Date().getUTCFullYear();
const PERIOD = "2027/28";
const ACTION = "Publish the assessment schedule for every module in the learner handbook.";

/** Opens a link in one of the Quality page's tables (annual returns, quality reviews, quality actions). */
async function fromQuality(page: Page, table: RegExp, link: string, heading: string | RegExp) {
  await go(page, () => navLink(page, "Quality").click(), /^Quality$/);
  await go(page, () => page.getByRole("region", { name: table }).getByRole("link", { name: link }).click(), heading);
}

/** A status tag (StatusTag renders a <strong>) on the page, by its exact label. */
const statusTag = (page: Page, label: string) =>
  main(page)
    .locator("strong")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();

/** Presses a workflow button and waits for the page to come back without it (the transition no longer applies). */
async function press(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("button", { name: button })).toHaveCount(0);
}

test("from an endorsed credential through delivery, quality, periodic review and impact", async ({ page, signInAs }) => {
  // Six sign-ins and some forty pages, each checked with axe-core, on a two-core machine.

  await test.step("the provider plans a new delivery of the endorsed credential and submits it", async () => {
    await signInAs("PROVIDER");
    await expectAccessible(page);
    await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
    await go(page, () => page.getByRole("link", { name: "Start a delivery plan" }).click(), "Start a delivery plan");
    await page.getByLabel("Credential").selectOption({ label: `${CREDENTIAL_REF} ${CREDENTIAL_TITLE}` });
    await page.getByLabel("Programme or module title").fill(TITLE);
    await go(page, () => page.getByRole("button", { name: "Start delivery plan" }).click(), "Edit delivery plan");

    await page.getByLabel("Award").fill("Postgraduate Diploma (120 credits at level 7), including the credential's 60 credits");
    await page.getByLabel("Delivery mode").fill("Blended: monthly campus days, online seminars and supervised first contact clinics");
    await fillDate(page, "Start date", "2027-09-20");
    await page.getByLabel("Cohort size").fill("20");
    await page
      .getByLabel("Staffing and supervision")
      .fill("Programme lead, three FCP lecturers and a trained roadmap supervisor for every learner.");
    await page
      .getByLabel("Quality-assurance arrangements")
      .fill("University validation, an external examiner with FCP expertise and annual monitoring.");
    // Every learning outcome of the endorsed specification, however many it has.
    const outcomes = await page.getByLabel(/^Module for learning outcome \d+$/).count();
    expect(outcomes).toBeGreaterThan(0);
    for (let n = 1; n <= outcomes; n++) {
      await page.getByLabel(`Module for learning outcome ${n}`, { exact: true }).fill(`FCP72${n} First contact practice ${n}`);
      await page.getByLabel(`Assessment for learning outcome ${n}`, { exact: true }).fill(`Observed clinic and viva ${n}`);
    }
    await go(page, () => page.getByRole("button", { name: "Save draft" }).click(), TITLE);
    await expectConfirmation(page, "Delivery plan edited");
    await expect(main(page).getByRole("row", { name: new RegExp(`FCP72${outcomes} First contact practice ${outcomes}`) })).toBeVisible();

    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expectConfirmation(page, "Delivery plan submitted");
    await expect(main(page).getByText("Status: Submitted")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("staff review and approve the plan, open its annual return and schedule a quality review", async () => {
    await switchTo(page, () => signInAs("CENTRE_STAFF"));
    await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
    await page.getByLabel("Status").selectOption({ label: "Submitted or in review" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=SUBMITTED/);
    await expectAccessible(page);
    await go(page, () => main(page).getByRole("link", { name: TITLE }).click(), TITLE);
    await page.getByRole("button", { name: "Start review" }).click();
    await expectConfirmation(page, "Delivery plan put into review");
    await expectAccessible(page);
    await page.getByLabel("Approve", { exact: true }).check();
    await page.getByLabel("Rationale").fill("Every learning outcome is mapped to a module and an assessment in practice.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expectConfirmation(page, "Delivery plan approved");
    await expect(main(page).getByText("Status: Approved")).toBeVisible();
    await expectAccessible(page);
    // Suspending asks first, on its own page (closing is walked through in delivery-plans.spec.ts).
    await expect(page.getByRole("link", { name: "Suspend plan" })).toHaveAttribute("href", /\/confirm\/suspend$/);

    // The yearly job would open it overnight; staff can open this year's return for a newly approved delivery now.
    await go(page, () => page.getByRole("button", { name: `Open the ${YEAR} annual return now` }).click(), `Annual return ${YEAR}`);
    await expectConfirmation(page, "Annual return opened");
    await expect(statusTag(page, "Open")).toBeVisible();
    // No dead end: the return leads back to its plan.
    await expect(parentLink(page, TITLE)).toHaveAttribute("href", /^\/delivery-plans\/[^/]+$/);

    await go(page, () => navLink(page, "Quality").click(), /^Quality$/);
    await go(page, () => page.getByRole("link", { name: "Schedule a quality review" }).click(), "Schedule a quality review");
    await main(page).getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(/\/quality-reviews\/new\?plan=/);
    await expect(main(page).getByText(TITLE)).toBeVisible();
    await expectAccessible(page);
    await fillDate(page, "Review date", isoDateFromToday(0));
    await page.getByLabel(REVIEWER, { exact: true }).check();
    await go(page, () => page.getByRole("button", { name: "Schedule review" }).click(), `Quality review: ${TITLE}`);
    await expectConfirmation(page, "Quality review scheduled");
    await expect(statusTag(page, "Planned")).toBeVisible();
    await expect(parentLink(page, TITLE)).toBeVisible();
  });

  await test.step("the reviewer starts the review, records a finding with an action and reports", async () => {
    await switchTo(page, () => signInAs("REVIEWER"));
    await fromQuality(page, /Quality reviews/, TITLE, `Quality review: ${TITLE}`);
    await press(page, "Start review");
    await expectConfirmation(page, "Quality review started");
    await expect(statusTag(page, "In progress")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Standard area").selectOption({ label: "Curriculum and assessment" });
    await page.getByLabel("Satisfactory", { exact: true }).check();
    await page
      .getByLabel("Evidence", { exact: true })
      .fill("Assessments match the mapping; learners could not find the assessment schedule.");
    await page.getByRole("button", { name: "Record finding" }).click();
    await expectConfirmation(page, "Finding recorded");
    await expect(page.getByRole("heading", { level: 3, name: /Curriculum and assessment/ })).toBeVisible();
    await page.getByLabel("Finding", { exact: true }).selectOption({ label: "Curriculum and assessment: Satisfactory" });
    await page.getByLabel("Action", { exact: true }).fill(ACTION);
    await fillDate(page, "Due date", isoDateFromToday(60));
    await page.getByRole("button", { name: "Raise action" }).click();
    await expectConfirmation(page, "Action raised");
    await expect(page.getByRole("link", { name: ACTION })).toBeVisible();
    await expectAccessible(page);

    await press(page, "Submit report");
    await expectConfirmation(page, "Quality review reported");
    await expect(statusTag(page, "Reported")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the provider submits the annual return, responds to the action and submits an impact return", async () => {
    await switchTo(page, () => signInAs("PROVIDER"));
    await fromQuality(page, /Annual returns/, TITLE, `Annual return ${YEAR}`);
    await page.getByLabel("Cohorts", { exact: true }).fill("No cohort yet: the first cohort of 20 starts in September 2027.");
    await page.getByLabel("Changes to delivery", { exact: true }).fill("None");
    await page
      .getByLabel("Staffing and supervision", { exact: true })
      .fill("Programme lead appointed; two of three FCP lecturers in post.");
    await page.getByLabel("Concerns", { exact: true }).fill("None");
    await press(page, "Submit return");
    await expectConfirmation(page, "Annual return submitted");
    await expect(statusTag(page, "Submitted")).toBeVisible();
    await expectAccessible(page);

    await fromQuality(page, /Quality actions/, ACTION, "Quality action");
    await page.getByLabel("Your response").fill("The schedule is now in the handbook and on the VLE for every module.");
    await press(page, "Send response");
    await expectConfirmation(page, "Quality action responded to");
    await expect(statusTag(page, "Responded")).toBeVisible();
    await expect(parentLink(page, `Quality review: ${TITLE}`)).toBeVisible();
    await expectAccessible(page);

    await go(page, () => navLink(page, "Impact").click(), /^Impact$/);
    await go(page, () => page.getByRole("link", { name: `Start a return for ${TITLE}` }).click(), "New impact return");
    await page.getByLabel("Period", { exact: true }).fill(PERIOD);
    await page.getByLabel("Enrolled", { exact: true }).fill("20");
    await page.getByLabel("Completed", { exact: true }).fill("14");
    await page.getByLabel("Withdrawn", { exact: true }).fill("2");
    await page.getByLabel("Deployed in advanced-practice roles", { exact: true }).fill("9");
    const rows: [string, number, number, number][] = [
      ["Physiotherapy", 12, 9, 6],
      ["Paramedicine", 5, 3, 2],
      ["Podiatry", 3, 2, 1],
    ];
    for (const [i, [profession, enrolled, completed, deployed]] of rows.entries()) {
      await page.getByLabel(`Row ${i + 1} profession`).selectOption({ label: profession });
      await page.getByLabel(`Row ${i + 1} enrolled`).fill(String(enrolled));
      await page.getByLabel(`Row ${i + 1} completed`).fill(String(completed));
      await page.getByLabel(`Row ${i + 1} deployed`).fill(String(deployed));
    }
    await page.getByLabel("Employer feedback").fill("Three PCNs have offered FCP posts to completers.");
    await page.getByLabel("Benefit to patients").fill("More MSK first contacts are seen without a GP appointment first.");
    await go(page, () => page.getByRole("button", { name: "Save draft" }).click(), `Impact return ${PERIOD}`);
    await expectConfirmation(page, "Impact return started");
    await expect(parentLink(page, TITLE)).toBeVisible();
    await press(page, "Submit return");
    await expectConfirmation(page, "Impact return submitted");
    await expect(statusTag(page, "Submitted")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the reviewer closes the answered action", async () => {
    await switchTo(page, () => signInAs("REVIEWER"));
    await fromQuality(page, /Quality actions/, ACTION, "Quality action");
    await expect(page.getByText("The schedule is now in the handbook")).toBeVisible();
    await press(page, "Close action");
    await expectConfirmation(page, "Quality action closed");
    await expect(statusTag(page, "Closed")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("staff accept the annual return and close the quality review as meeting the standards", async () => {
    await switchTo(page, () => signInAs("CENTRE_STAFF"));
    await fromQuality(page, /Annual returns/, TITLE, `Annual return ${YEAR}`);
    await expect(page.getByText("No cohort yet: the first cohort of 20")).toBeVisible();
    await press(page, "Accept return");
    await expectConfirmation(page, "Annual return accepted");
    await expect(statusTag(page, "Accepted")).toBeVisible();
    await expectAccessible(page);

    await fromQuality(page, /Quality reviews/, TITLE, `Quality review: ${TITLE}`);
    await expect(statusTag(page, "Reported")).toBeVisible();
    await page.getByLabel("Meets standards", { exact: true }).check();
    await page.getByLabel("Summary (optional)").fill("Delivery meets the standards; the one action has been completed.");
    await press(page, "Record outcome and close review");
    await expectConfirmation(page, "Quality review closed");
    await expect(statusTag(page, "Closed")).toBeVisible();
    await expect(statusTag(page, "Meets standards")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("staff start the credential's periodic review, record the currency checks and reaffirm it", async () => {
    await go(page, () => navLink(page, "Credentials").click(), "Credentials");
    await go(page, () => main(page).getByRole("link", { name: CREDENTIAL_TITLE }).click(), CREDENTIAL_TITLE);
    // The daily job opens it 90 days before the review is due; staff can start it sooner.
    await go(
      page,
      () => page.getByRole("button", { name: "Start the periodic review now" }).click(),
      `Periodic review of ${CREDENTIAL_TITLE}`,
    );
    await expectConfirmation(page, "Periodic review started");
    await expect(parentLink(page, `${CREDENTIAL_REF} ${CREDENTIAL_TITLE}`)).toBeVisible();
    await expect(statusTag(page, "Under periodic review")).toBeVisible();
    for (const check of CURRENCY_CHECKS) {
      await go(page, () => main(page).getByRole("link", { name: check.label }).click(), check.label);
      await page
        .getByLabel("Finding")
        .fill(`${check.label}: still covered by the endorsed outcomes; nothing in practice has overtaken them.`);
      await page.getByLabel("No", { exact: true }).check();
      await page.getByRole("button", { name: "Save check" }).click();
      await expectConfirmation(page, "Currency check saved");
      await expectAccessible(page);
    }
    await expect(page.getByRole("table", { name: "Findings" }).getByRole("row")).toHaveCount(CURRENCY_CHECKS.length + 1);
    // Withdrawal is not one of the choices: it asks first, on its own page, with the reason.
    await go(page, () => page.getByRole("link", { name: "Withdraw the credential" }).click(), `Withdraw ${CREDENTIAL_REF}`);
    await expect(page.getByLabel("Reason for withdrawing the credential")).toBeVisible();
    await go(page, () => main(page).getByRole("link", { name: "Cancel" }).click(), `Periodic review of ${CREDENTIAL_TITLE}`);
    await page.getByLabel("Reaffirmed").check();
    await page.getByLabel("Rationale").fill("All four currency checks found the credential current; it stays endorsed.");
    await page.getByRole("button", { name: "Conclude review" }).click();
    await expectConfirmation(page, "Periodic review concluded");
    await expect(main(page).getByText("Status: Concluded")).toBeVisible();
    const row = (key: string) =>
      main(page)
        .locator("dl > div")
        .filter({ has: page.getByText(key, { exact: true }) });
    await expect(row("Outcome")).toContainText("Reaffirmed");
    await expect(row("Credential status")).toContainText("Endorsed");
    await expect(row("Next review due")).toContainText(formatDate(reviewDueFrom(new Date())));
    await expectAccessible(page);
  });

  await test.step("staff accept the impact return and find it in the portfolio figures", async () => {
    await go(page, () => navLink(page, "Impact").click(), /^Impact$/);
    await page.getByLabel("Status").selectOption({ label: "Submitted" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=SUBMITTED/);
    await expectAccessible(page);
    await go(
      page,
      () =>
        main(page)
          .getByRole("link", { name: `${PERIOD} return for ${CREDENTIAL_REF} from ${PROVIDER}` })
          .click(),
      `Impact return ${PERIOD}`,
    );
    await press(page, "Accept return");
    await expectConfirmation(page, "Impact return accepted");
    await expect(statusTag(page, "Accepted")).toBeVisible();
    await expectAccessible(page);

    await go(page, () => navLink(page, "Impact").click(), /^Impact$/);
    await go(page, () => page.getByRole("link", { name: "Portfolio impact: figures and charts" }).click(), "Portfolio impact");
    const byPeriod = page.getByRole("table", { name: "Learners by period (table of the chart above)" });
    const row = byPeriod.getByRole("row", { name: new RegExp(`^${PERIOD.replace("/", "\\/")}\\b`) });
    await expect(row.getByRole("rowheader")).toHaveText(PERIOD);
    // Accepted returns, enrolled, completed, withdrawn, deployed: this journey's return is the period's only one.
    await expect(row.getByRole("cell")).toHaveText(["1", "20", "14", "2", "9", /.+/, /.+/]);
    await expect(
      page.getByRole("img", {
        name: new RegExp(`Learners by period\\..*${PERIOD.replace("/", "\\/")}: 20 enrolled, 14 completed, 9 deployed`),
      }),
    ).toBeVisible();
  });
});
