// Steps shared by several journeys: navigation that checks the page it reaches (with axe-core), switching users,
// and the multi-page tasks — adding a priority, the gateway, commissioning, endorsement assessments.
import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, test } from "./fixtures";

export const EXPERT_GROUP = DEMO_USERS.EXPERT.organisation;
export const main = (page: Page) => page.getByRole("main");
export const navLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name });

/** Clicks a button or link and checks the page it leads to, by its h1. */
export async function go(page: Page, click: () => Promise<void>, heading: string | RegExp) {
  await click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  await expectAccessible(page);
}

/** Signs in as someone else (in the same browser) and checks the page they land on. */
export async function switchTo(page: Page, signIn: () => Promise<void>) {
  await signIn();
  await expectAccessible(page);
}

/** From the page listing the round (the round's own page or the priorities list): adds a priority, back on the round's page. */
export async function addPriority(page: Page, roundName: string, title: string) {
  await go(page, () => page.getByRole("link", { name: `Add a priority to round ${roundName}` }).click(), "Add a priority");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Workforce need").fill("Too few advanced practitioners for the demand in this area.");
  await page.getByLabel("Population or patient need").fill("Patients wait too long for advanced-level assessment.");
  await page.getByLabel("Link to the NHS Long Term Plan").fill("Chapter 3: better care for major health conditions.");
  await page.getByLabel("Professions in scope").fill("Nursing\nPhysiotherapy");
  await page.getByLabel("Estimated scale").fill("600");
  await go(page, () => page.getByRole("button", { name: "Add priority" }).click(), title);
  await go(page, () => page.getByRole("link", { name: `Round ${roundName}` }).click(), roundName);
}

/** On a published priority's page: every gateway criterion (1–3) met, with a rationale; the gateway is passed. */
export async function passGateway(page: Page, title: string) {
  await go(page, () => page.getByRole("link", { name: "Assess against gateway criteria" }).click(), "Assess against the gateway criteria");
  for (const n of ["1", "2", "3"]) {
    await page
      .getByRole("group", { name: `Is criterion ${n} met?` })
      .getByLabel("Met", { exact: true })
      .check();
    await page.getByLabel(`Rationale for criterion ${n}`).fill(`Criterion ${n} is clearly met by the evidence gathered.`);
  }
  await go(page, () => page.getByRole("button", { name: "Save gateway assessment" }).click(), title);
  await expect(main(page)).toContainText("Gateway: Passed");
}

/** From a priority that passed the gateway: draft a commission to the demo expert's group, then issue it. */
export async function commissionAndIssue(page: Page, title: string) {
  await go(page, () => page.getByRole("link", { name: "Commission an expert group" }).click(), "Commission an expert group");
  await page.getByLabel("Expert group").selectOption({ label: EXPERT_GROUP });
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Brief").fill("Develop a credential specification for this priority with the professions in scope.");
  await page.getByLabel("Deliverables").fill("A complete specification submitted for endorsement review.");
  await fillDate(page, "Start date", "2027-01-04");
  await fillDate(page, "Due date", "2027-07-30");
  await go(page, () => page.getByRole("button", { name: "Save draft commission" }).click(), title);
  await expect(main(page)).toContainText("Status: Draft");
  await page.getByRole("button", { name: "Issue commission" }).click();
  await expectConfirmation(page, "Commission issued");
  await expect(main(page)).toContainText("Status: Issued");
  await expectAccessible(page);
}

/** An expert, from their dashboard: the commissions awaiting a response, then the one named. */
export async function openIssuedCommission(page: Page, title: string) {
  await go(page, () => page.getByRole("link", { name: /commissions? awaiting your response/ }).click(), "Commissions");
  await go(page, () => page.getByRole("link", { name: title }).click(), title);
}

/** The credential's review page, found from the credentials list as staff or reviewers see it. */
export async function openReview(page: Page, title: string) {
  await page.goto("/credentials");
  const href = await page.getByRole("link", { name: title }).getAttribute("href");
  await page.goto(`${href}/review`);
  await expect(page.getByRole("heading", { level: 1, name: /Endorsement review/ })).toBeVisible();
  await expectAccessible(page);
}

/** Rates every criterion on the assessment form, adds comments, recommends and submits. */
export async function completeAssessment(page: Page, recommendation: string) {
  // The Centre's criterion 4.1 has four parts, each rated on its own.
  const groups = page.getByRole("group", { name: /^Is criterion .+ met\?$/ });
  await expect(groups).toHaveCount(4);
  for (let i = 0; i < 4; i++) await groups.nth(i).getByLabel("Met", { exact: true }).check();
  await page.getByLabel("Comment on criterion 4.1(a)", { exact: true }).fill("Capabilities centre on the key professional activities.");
  await page.getByLabel("Overall comment").fill("A well-evidenced specification, ready for endorsement.");
  await page.getByRole("group", { name: "Your recommendation" }).getByLabel(recommendation, { exact: true }).check();
  await page.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Endorsement review/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Your submitted assessment" })).toBeVisible();
  await expectAccessible(page);
}

/**
 * The success banner (role=status, at the top of the page a change lands on), found by its heading ("Annual return
 * accepted"); the page may still be loading when asked.
 */
export async function expectConfirmation(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("status").getByRole("heading", { name: heading })).toBeVisible();
}

/** The breadcrumb link up to the record a page belongs to (an annual return's delivery plan, say). */
export const parentLink = (page: Page, name: string | RegExp) =>
  page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name });

/** Types a date given as "YYYY-MM-DD" into the Day, Month and Year boxes of the date question named `legend`. */
export async function fillDate(page: Page, legend: string, isoDate: string) {
  const [year, month, day] = isoDate.split("-");
  const question = page.getByRole("group", { name: legend, exact: true });
  await question.getByLabel("Day").fill(String(Number(day)));
  await question.getByLabel("Month").fill(String(Number(month)));
  await question.getByLabel("Year").fill(year);
}

/** A date `days` from today as "YYYY-MM-DD" (for fillDate). */
export function isoDateFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The id of a demo record, read from this worker's own database (the one its server uses). */
export async function demoRecordId(sql: string): Promise<string> {
  const urls = process.env.E2E_DATABASE_URLS?.split(",") ?? [process.env.DATABASE_URL!];
  const client = new pg.Client({ connectionString: urls[test.info().parallelIndex % urls.length] });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(sql);
    expect(rows, sql).toHaveLength(1);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
