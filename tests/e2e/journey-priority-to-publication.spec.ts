import type { Locator, Page } from "@playwright/test";
import { formatDate } from "../../lib/format";
import { reviewDueFrom } from "../../lib/workflow";
import { expect, expectAccessible, signInAsEmail, test } from "./fixtures";
import {
  addPriority,
  commissionAndIssue,
  completeAssessment,
  expectConfirmation,
  fillDate,
  go,
  main,
  navLink,
  openIssuedCommission,
  passGateway,
  switchTo,
} from "./support";

// The whole lifecycle in one journey, as the four roles do it in the browser: a NEW priority in the open round
// passes the gateway and is commissioned; the expert group accepts, writes and submits version 1; two reviewers
// assess it; staff endorse and publish it; a provider finds it in the catalogue. Everything it touches is its own
// (a priority, commission and credential with a unique title), so it neither depends on nor disturbs other journeys.

const ROUND = "2026/27";
const RAVI = "ravi.menon@independent.example";
const OUTCOMES = [
  { text: "Recognise and stage acute kidney injury early in adults with acute illness.", pillars: ["Clinical practice"] },
  {
    text: "Lead a multi-professional review of AKI care and teach the pathway to colleagues.",
    pillars: ["Leadership and management", "Education"],
  },
];

/** A row of a summary list (`dl > div`) within `scope`, by its key. */
const summaryRow = (scope: Locator, key: string) =>
  scope.locator("dl > div").filter({ has: scope.page().locator("dt", { hasText: new RegExp(`^${key}$`) }) });

/** On the version 1 editor: fills every required section, and the learning outcomes with their pillars. */
async function writeSpecification(page: Page) {
  const section = (name: string) => page.getByRole("textbox", { name, exact: true });
  await section("Purpose and scope").fill("Prepares advanced practitioners to prevent, recognise and manage acute kidney injury.");
  await section("Target group").fill("Registered nurses, pharmacists and paramedics working at advanced level in acute care.");
  await section("Entry requirements").fill(
    "Professional registration and at least three years' post-registration experience in acute care.",
  );
  for (const [i, outcome] of OUTCOMES.entries()) {
    await page.getByRole("button", { name: "Add another outcome" }).click();
    await page.getByLabel(`Outcome ${i + 1}`, { exact: true }).fill(outcome.text);
    const pillars = page.getByRole("group", { name: `Pillars of advanced practice for outcome ${i + 1}` });
    for (const pillar of outcome.pillars) await pillars.getByLabel(pillar, { exact: true }).check();
  }
  await section("Links to other advanced-practice provision").fill(
    "Builds on the multi-professional framework for advanced clinical practice.",
  );
  await section("Assessment strategy").fill("A portfolio of supervised cases and an observed structured clinical examination.");
  await section("Academic level").fill("7");
  await section("Credits").fill("60");
  await section("Notional learning hours").fill("600");
  const modes = page.getByRole("group", { name: "Delivery modes" });
  await modes.getByLabel("Blended", { exact: true }).check();
  await modes.getByLabel("Work-based", { exact: true }).check();
  await section("Supervision requirements").fill("A named advanced-practice supervisor for every learner, meeting fortnightly.");
  await section("Evidence base").fill("NICE NG148 (acute kidney injury); the Think Kidneys programme.");
}

/**
 * From the refused submission: maps both outcomes to core capabilities of the current (2025) framework edition, sees
 * the coverage matrix, then says how each capability no outcome covers is met — one through other provision, the rest
 * out of scope — until nothing is missing.
 */
async function mapCapabilities(page: Page) {
  await go(page, () => page.getByRole("link", { name: "Complete the capability mapping" }).click(), "Capability mapping");
  const matrix = page.getByRole("table", {
    name: /Learning outcomes against the core capabilities of the Multi-professional framework for advanced practice in England \(2025\)/,
  });
  await expect(matrix).toBeVisible();
  await expect(main(page)).toContainText("0 of 38 core capabilities are covered by learning outcomes");
  const mapped = [
    { outcome: 1, pillar: "Clinical practice", numbers: ["1.4", "1.6", "1.8"] },
    { outcome: 2, pillar: "Leadership and management", numbers: ["2.5", "2.8"] },
    { outcome: 2, pillar: "Education", numbers: ["3.8"] },
  ];
  for (const outcome of [1, 2]) {
    for (const m of mapped.filter((x) => x.outcome === outcome)) {
      const group = page.getByRole("group", { name: `${m.pillar} capabilities outcome ${outcome} develops` });
      for (const n of m.numbers) await group.getByLabel(new RegExp(`^${n.replace(".", "\\.")} `)).check();
    }
    await page.getByRole("button", { name: `Save capabilities for outcome ${outcome}` }).click();
    await expect(
      page
        .getByRole("region", { name: `Outcome ${outcome}` })
        .getByRole("status")
        .filter({ hasText: "The outcome's core capabilities have been saved." }),
    ).toBeVisible();
  }
  await expect(main(page)).toContainText("6 of 38 core capabilities are covered by learning outcomes");
  const outcome1Row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Outcome 1/ }) });
  await expect(outcome1Row.getByRole("cell", { name: "Yes" })).toHaveCount(3);
  await expectAccessible(page);

  // Links to other provision must say where; the first try without it is refused by the field.
  await page.getByRole("group", { name: "How is capability 4.1 met?" }).getByLabel("Met through other provision").check();
  await page.getByRole("button", { name: "Save uncovered capabilities" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Say where practitioners meet this capability",
  );
  await page.getByLabel("Links to other provision for capability 4.1").fill("The trust's clinical research internship programme.");
  const answers = page.getByRole("group", { name: /^How is capability \d+\.\d+ met\?$/ });
  const count = await answers.count();
  expect(count).toBe(32);
  for (let i = 0; i < count; i++) await answers.nth(i).getByLabel("Out of scope").check();
  await page.getByRole("group", { name: "How is capability 4.1 met?" }).getByLabel("Met through other provision").check();
  await page.getByRole("button", { name: "Save uncovered capabilities" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "What you said about the uncovered capabilities has been saved." }),
  ).toBeVisible();
  await expect(main(page)).toContainText(
    "6 of 38 core capabilities are covered by learning outcomes; 1 met through other provision; 31 out of scope; 0 missing.",
  );
  await expectAccessible(page);
}

/** A reviewer, from their dashboard: opens their assessment of the credential, rates it and submits. */
async function assess(page: Page, credential: string, recommendation: string) {
  const assignments = page.getByRole("table", { name: "Your endorsement assignments" });
  await go(page, () => assignments.getByRole("link", { name: credential }).click(), "Your endorsement assessment");
  await completeAssessment(page, recommendation);
}

/** Staff, from their dashboard: the count card, the filtered credentials list, the credential, its endorsement review. */
async function openReviewFromDashboard(page: Page, card: RegExp, credential: string) {
  await go(page, () => page.getByRole("link", { name: card }).click(), "Credentials");
  await go(page, () => page.getByRole("link", { name: credential }).click(), credential);
  await go(page, () => page.getByRole("link", { name: "Endorsement review" }).click(), "Endorsement review");
}

test("priority to publication: a new priority is gateway-checked, commissioned, specified, reviewed, endorsed and published", async ({
  page,
  signInAs,
}) => {
  // About thirty pages, each checked with axe-core, across five sign-ins: a long budget on a two-core machine.
  const stamp = Date.now();
  const priority = `Acute kidney injury ${stamp}`;
  const credential = `${priority} credential`;

  // 1. Centre staff: a new priority in the open round, published, through the gateway, commissioned and issued.
  await signInAs("CENTRE_STAFF");
  await expectAccessible(page);
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await addPriority(page, ROUND, priority);
  await go(
    page,
    () => page.getByRole("table", { name: "Priorities in rank order" }).getByRole("link", { name: priority }).click(),
    priority,
  );
  await expect(main(page)).toContainText(`Round ${ROUND}, rank`);
  await page.getByRole("button", { name: "Publish priority" }).click();
  await expectConfirmation(page, "Priority published");
  await expect(main(page)).toContainText("Status: Published");
  await expectAccessible(page);
  await passGateway(page, priority);
  await commissionAndIssue(page, credential);

  // 2. The expert: the commission is waiting on their dashboard; accepting it creates the credential.
  await switchTo(page, () => signInAs("EXPERT"));
  await openIssuedCommission(page, credential);
  await page.getByRole("button", { name: "Accept commission" }).click();
  await expect(page).toHaveURL(/\/credentials\/[^/]+$/);
  await expectConfirmation(page, "Commission accepted");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(credential);
  await expect(summaryRow(main(page), "Status")).toContainText("In development");
  await expectAccessible(page);

  await go(page, () => page.getByRole("link", { name: "Edit version 1" }).first().click(), "Edit specification version 1");
  await writeSpecification(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your draft has been saved." })).toBeVisible();
  await expect(page.getByLabel("Outcome 2", { exact: true })).toHaveValue(OUTCOMES[1].text);
  await expectAccessible(page);

  await go(
    page,
    () => page.getByRole("link", { name: "Check version 1 and submit it for endorsement" }).click(),
    "Specification version 1",
  );
  await expect(page.getByRole("heading", { name: "Sections to complete before submitting" })).toHaveCount(0);
  // Every section is there, but no outcome is mapped to the framework's core capabilities yet: submission is refused.
  await expect(page.getByRole("heading", { name: "Core capabilities to account for before submitting" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for endorsement" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(/Still missing: 1\.1, 1\.2, .* and 4\.8\./);
  await expectAccessible(page);
  await mapCapabilities(page);
  await go(
    page,
    () => page.getByRole("link", { name: "Check version 1 and submit it for endorsement" }).click(),
    "Specification version 1",
  );
  await expect(page.getByRole("heading", { name: "Core capabilities to account for before submitting" })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit for endorsement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "submitted for endorsement" })).toBeVisible();
  await expect(page.getByText("Status: Submitted")).toBeVisible();
  await expectAccessible(page);

  // 3. Centre staff: assign the two reviewers and start the review.
  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await openReviewFromDashboard(page, /submitted specifications? needing reviewers/, credential);
  await page.getByLabel("Sam Reid").check();
  await page.getByLabel("Dr Ravi Menon").check();
  await fillDate(page, "Assessments due by", "2030-01-31");
  await page.getByRole("button", { name: "Assign reviewers and start review" }).click();
  await expectConfirmation(page, "Reviewers assigned");
  await expect(page.getByRole("link", { name: "Withdraw Sam Reid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Withdraw Dr Ravi Menon" })).toBeVisible();
  await expectAccessible(page);

  // 4. The two reviewers: each opens their assessment from their dashboard and submits it.
  await switchTo(page, () => signInAs("REVIEWER"));
  await assess(page, credential, "Endorse with conditions");
  await switchTo(page, () => signInAsEmail(page, RAVI));
  await assess(page, credential, "Endorse");

  // 5. Centre staff: both assessments side by side; endorse, then publish.
  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await openReviewFromDashboard(page, /endorsement reviews? ready for a decision/, credential);
  const comparison = page.getByRole("table", { name: "Assessments side by side" });
  await expect(comparison.getByRole("columnheader", { name: "Sam Reid" })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: "Dr Ravi Menon" })).toBeVisible();
  await page.getByRole("group", { name: "Decision" }).getByLabel("Endorse", { exact: true }).check();
  await page.getByLabel("Rationale", { exact: true }).fill("Both reviewers recommend endorsement; every criterion is met.");
  await page.getByRole("button", { name: "Record decision" }).click();
  // The decision form gives way to the decision itself, with a confirmation.
  await expectConfirmation(page, "Decision recorded");
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(summaryRow(main(page), "Decision")).toContainText("Endorse");
  await expect(summaryRow(main(page), "Rationale")).toContainText("Both reviewers recommend endorsement");
  await expect(summaryRow(main(page), "Status")).toContainText("Endorsed");

  const endorsedOn = formatDate(new Date());
  const reviewDue = formatDate(reviewDueFrom(new Date()));
  const publication = page.getByRole("region", { name: "Publication" });
  const reference = (await summaryRow(publication, "Reference").locator("dd").innerText()).trim();
  expect(reference).toMatch(/^APC-\d{4,}$/);
  await expect(summaryRow(publication, "Endorsed")).toContainText(endorsedOn);
  await expect(summaryRow(publication, "Periodic review due")).toContainText(reviewDue);
  await expect(summaryRow(publication, "Catalogue")).toContainText("Not yet published");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish in the catalogue" }).click();
  await expectConfirmation(page, "Credential published");
  await expect(page.getByRole("link", { name: `view ${reference} in the catalogue` })).toBeVisible();
  await expectAccessible(page);
  await go(
    page,
    () =>
      main(page)
        .getByRole("link", { name: `${reference} ${credential}` })
        .click(),
    credential,
  );
  await expect(summaryRow(main(page), "Status")).toContainText("Endorsed");
  await expect(summaryRow(main(page), "Endorsed")).toContainText(`${endorsedOn} (version 1)`);
  await expect(summaryRow(main(page), "Periodic review due")).toContainText(reviewDue);
  await expect(summaryRow(main(page), "Published in the catalogue")).toContainText(endorsedOn);

  // 6. The provider: the credential is in their credentials list and in the public catalogue, print-friendly.
  await switchTo(page, () => signInAs("PROVIDER"));
  await go(page, () => navLink(page, "Credentials").click(), "Credentials");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: credential }) });
  await expect(row).toContainText(reference);
  await expect(row).toContainText("Endorsed");
  await go(page, () => page.getByRole("contentinfo").getByRole("link", { name: "Credential catalogue" }).click(), "Endorsed credentials");
  const search = page.getByRole("search", { name: "Search the catalogue" });
  await search.getByRole("textbox", { name: "Search" }).fill(credential);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(main(page).getByText("1 credential", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await go(page, () => page.getByRole("link", { name: `${reference}: ${credential}` }).click(), credential);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Area-specific capabilities (learning outcomes)" })).toBeVisible();
  // Each outcome in the specification (the coverage matrix names them too).
  for (const outcome of OUTCOMES) await expect(main(page).getByRole("listitem").filter({ hasText: outcome.text })).toBeVisible();
  const coverage = page.getByRole("table", { name: /Learning outcomes against the core capabilities/ });
  await expect(coverage.getByRole("columnheader", { name: "Capability 4.1" })).toBeVisible();
  await expect(main(page)).toContainText("1 met through other provision; 31 out of scope; 0 missing.");
  await expect(main(page)).toContainText("The trust's clinical research internship programme.");
  await expect(summaryRow(main(page), "Conditions")).toContainText("Endorsed without conditions");
  await expect(summaryRow(main(page), "Periodic review due")).toContainText(reviewDue);
});
