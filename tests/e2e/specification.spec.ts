import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

// The demo expert drafts APC-0001's specification, compares APC-0004's versions and discusses a section.
// Uses only APC-0001 and APC-0004, which no other journey changes.

async function openCredential(page: Page, title: string) {
  await page.goto("/credentials");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expectAccessible(page);
}

const FIRST = "Use point-of-care ultrasound to guide decisions in acute medical presentations.";
const SECOND = "Critically appraise research on ambulatory care pathways and apply it to local practice.";
const EVIDENCE = "Society for Acute Medicine benchmarks; NICE NG94.";
const EVIDENCE_MORE = "GIRFT acute medicine report.";

test("an expert drafts, reorders outcomes, saves and submits a specification", async ({ page, signInAs }) => {
  // A long journey over four pages, each checked with axe.
  test.slow();
  await signInAs("EXPERT");
  await openCredential(page, "Acute Medicine and Same Day Emergency Care");
  await page.getByRole("link", { name: "Edit version 1" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit specification version 1");
  await expectAccessible(page);

  // Leave a section empty: saving a draft is fine, submitting it is not.
  await page.getByRole("textbox", { name: "Evidence base", exact: true }).fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your draft has been saved." })).toBeVisible();
  const evidenceTask = page.getByRole("navigation", { name: "Sections" }).getByRole("listitem").filter({ hasText: "Evidence base" });
  await expect(evidenceTask).toContainText("Not started");
  // A written section is in progress until the authors mark it completed; they can save it from the section itself.
  const purposeTask = page.getByRole("navigation", { name: "Sections" }).getByRole("listitem").filter({ hasText: "Purpose and scope" });
  await expect(purposeTask).toContainText("In progress");
  await page.getByRole("checkbox", { name: /^I have completed this section\s*\(Purpose and scope\)$/ }).check();
  await page.getByRole("button", { name: "Save section for Purpose and scope" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Purpose and scope saved, with the rest of your draft." })).toBeVisible();
  await expect(purposeTask).toContainText("Completed");
  await page.getByRole("link", { name: "Check version 1 and submit it for endorsement" }).click();
  await expect(page).toHaveURL(/\/versions\/1$/);
  await expect(page.getByRole("heading", { name: "Sections to complete before submitting" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for endorsement" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Complete the section “Evidence base”");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit this version" }).click();
  await expect(page).toHaveURL(/\/versions\/1\/edit$/);
  await page.getByRole("textbox", { name: "Evidence base", exact: true }).fill(EVIDENCE);
  const outcomes = page.locator("ol").filter({ has: page.getByLabel("Outcome 1", { exact: true }) });
  const before = await outcomes.getByRole("listitem").count();
  const [n1, n2] = [before + 1, before + 2];

  await page.getByRole("button", { name: "Add another outcome" }).click();
  await page.getByLabel(`Outcome ${n1}`, { exact: true }).fill(FIRST);
  await page
    .getByRole("group", { name: `Pillars of advanced practice for outcome ${n1}` })
    .getByLabel("Clinical practice")
    .check();
  await page.getByRole("button", { name: "Add another outcome" }).click();
  await page.getByLabel(`Outcome ${n2}`, { exact: true }).fill(SECOND);
  const pillars = page.getByRole("group", { name: `Pillars of advanced practice for outcome ${n2}` });
  await pillars.getByLabel("Research").check();
  await pillars.getByLabel("Education").check();

  await page.getByRole("button", { name: `Move up outcome ${n2}` }).click();
  await expect(page.getByLabel(`Outcome ${n1}`, { exact: true })).toHaveValue(SECOND);
  await expect(page.getByLabel(`Outcome ${n2}`, { exact: true })).toHaveValue(FIRST);
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /^I have completed this section\s*\(Evidence base\)$/ }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your draft has been saved." })).toBeVisible();
  await expect(evidenceTask).toContainText("Completed");

  // The saved order and pillars survive a reload. From here the page's clock stands still, so the autosave runs
  // only when the test lets time pass.
  await page.clock.install();
  await page.reload();
  await page.clock.pauseAt(Date.now() + 1_000);
  await expect(page.getByLabel(`Outcome ${n1}`, { exact: true })).toHaveValue(SECOND);
  await expect(page.getByRole("group", { name: `Pillars of advanced practice for outcome ${n1}` }).getByLabel("Research")).toBeChecked();
  await expect(page.getByLabel(`Outcome ${n2}`, { exact: true })).toHaveValue(FIRST);

  // Nothing typed is lost: leaving asks first, a pause in typing saves, and the submit link saves before it goes.
  // The list buttons turn from submit buttons into script buttons once the editor's scripts run.
  await expect(page.getByRole("button", { name: "Add another outcome" })).toHaveAttribute("type", "button");
  const evidence = page.getByRole("textbox", { name: "Evidence base", exact: true });
  await evidence.fill(EVIDENCE);
  await expect(page.getByText("You have changes that are not saved yet.")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Credentials" }).click();
  await expect(page).toHaveURL(/\/versions\/1\/edit$/);
  await expect(evidence).toHaveValue(EVIDENCE);
  const unloadAsks = () =>
    page.evaluate(() => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await unloadAsks()).toBe(true);
  await page.clock.runFor(3_000);
  await expect(page.getByText(/^Your draft was saved automatically at/)).toBeVisible();
  expect(await unloadAsks()).toBe(false);
  // (No axe check while the clock stands still: axe waits on timers. The editor was checked above.)
  await evidence.fill(`${EVIDENCE} ${EVIDENCE_MORE}`);
  await page.getByRole("link", { name: "Check version 1 and submit it for endorsement" }).click();
  await expect(page).toHaveURL(/\/versions\/1$/);
  await page.clock.resume();
  await expect(page.getByRole("main")).toContainText(`${EVIDENCE} ${EVIDENCE_MORE}`);
  await expect(page.getByRole("heading", { name: "Sections to complete before submitting" })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit for endorsement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "submitted for endorsement" })).toBeVisible();
  await expect(page.getByText("Status: Submitted")).toBeVisible();
  await expect(page.getByRole("button", { name: "Recall submission" })).toBeVisible();
  await expectAccessible(page);
});

test("an expert compares two versions and sees the changes highlighted", async ({ page, signInAs }) => {
  await signInAs("EXPERT");
  await openCredential(page, "Emergency and Urgent Care");
  await page.getByRole("link", { name: "Compare versions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare specification versions" })).toBeVisible();
  await expect(page.getByLabel("Earlier version")).toHaveValue("1");
  await expect(page.getByLabel("Later version")).toHaveValue("2");

  const outcomes = page.getByRole("region", { name: /Area-specific capabilities.*changes from version 1 to version 2/ });
  await expect(outcomes.locator("ins").filter({ hasText: "frail older people and children" })).toBeVisible();
  await expect(outcomes.locator("del").filter({ hasText: "Understand" })).toBeVisible();
  await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: "Target group" }) })).toContainText("Unchanged");
  await expectAccessible(page);

  await page.getByLabel("Earlier version").selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/a=2&b=2/);
  await expect(page.getByText("The two versions are the same.")).toBeVisible();
});

test("an expert comments on a section and resolves the comment", async ({ page, signInAs }) => {
  await signInAs("EXPERT");
  await openCredential(page, "Emergency and Urgent Care");
  await page.getByRole("link", { name: "View version 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Specification version 2" })).toBeVisible();

  await page.getByRole("link", { name: "Add a comment on supervision requirements" }).click();
  const body = "Should paediatric shifts have a named paediatric supervisor?";
  await page.getByLabel("Your comment on supervision requirements").fill(body);
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your comment has been added." })).toBeVisible();

  const section = page.locator("section#supervisionRequirements");
  const thread = section.getByRole("listitem").filter({ hasText: body });
  await expect(thread.getByText("Open", { exact: true })).toBeVisible();
  await expect(section.getByRole("heading", { name: /Comments on supervision requirements/ })).toContainText("1 open");
  await expectAccessible(page);

  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(thread.getByText("Resolved", { exact: true })).toBeVisible();
  await expect(section.getByRole("heading", { name: /Comments on supervision requirements/ })).toContainText("1 resolved");
  await expect(thread.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript the outcome buttons still work: moving an outcome saves the new order", async ({ browser, page, signInAs }) => {
  await signInAs("EXPERT");
  await openCredential(page, "Emergency and Urgent Care");
  const editor = await page.getByRole("link", { name: "Edit version 2" }).first().getAttribute("href");
  // axe needs scripts, so this page is checked in the journeys above; here the same session browses without them.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(editor!);
  const first = await plain.getByLabel("Outcome 1", { exact: true }).inputValue();
  const second = await plain.getByLabel("Outcome 2", { exact: true }).inputValue();

  await plain.getByRole("button", { name: "Move down outcome 1" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "Your draft has been saved." })).toBeVisible();
  await expect(plain.getByLabel("Outcome 1", { exact: true })).toHaveValue(second);
  await expect(plain.getByLabel("Outcome 2", { exact: true })).toHaveValue(first);
  await noScript.close();
});
