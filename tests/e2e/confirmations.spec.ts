import { expect, expectAccessible, test } from "./fixtures";
import { demoRecordId, main } from "./support";

// Every consequential change asks first, on its own page: what will happen, a required reason, the change or a way
// back. Each page is visited here for a demo record in a state that allows the change (nothing is changed), checked
// with axe; the journeys and the delivery-plan and quality specs carry some of them through (suspending a plan after
// a failed quality review is reached in quality-impact.spec.ts, where a review fails; rejecting a plan in
// delivery-plans.spec.ts, once the plan is in review).

type Confirmation = { change: string; record: string; path: (id: string) => string; title: RegExp; reason: string; confirm: string };

const CONFIRMATIONS: Confirmation[] = [
  {
    change: "suspending a delivery plan",
    record: `SELECT id FROM "DeliveryPlan" WHERE status = 'APPROVED'`,
    path: (id) => `/delivery-plans/${id}/confirm/suspend`,
    title: /Suspend this delivery plan\?$/,
    reason: "Reason for suspending",
    confirm: "Yes, suspend this plan",
  },
  {
    change: "revoking a completion",
    record: `SELECT id FROM "Completion" WHERE status = 'RECOGNISED'`,
    path: (id) => `/completions/${id}/confirm/revoke`,
    title: /Revoke .+'s completion\?$/,
    reason: "Reason for revoking",
    confirm: "Yes, revoke this completion",
  },
  {
    change: "closing a priority",
    record: `SELECT id FROM "Priority" WHERE status = 'PUBLISHED'`,
    path: (id) => `/priorities/${id}/confirm/close`,
    title: /Close this priority\?$/,
    reason: "Reason for closing",
    confirm: "Yes, close this priority",
  },
  {
    change: "closing a priority round",
    record: `SELECT id FROM "PriorityRound" WHERE status = 'OPEN'`,
    path: (id) => `/priorities/rounds/${id}/confirm/close`,
    title: /Close round .+\?$/,
    reason: "Reason for closing",
    confirm: "Yes, close this round",
  },
];

for (const c of CONFIRMATIONS) {
  test(`${c.change} asks first, says what will happen and needs a reason`, async ({ page, signInAs }) => {
    await signInAs("CENTRE_STAFF");
    await page.goto(c.path(await demoRecordId(`${c.record} ORDER BY 1 LIMIT 1`)));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.title);
    await expect(main(page).getByRole("heading", { name: "What will happen" })).toBeVisible();
    await expect(page.getByLabel(c.reason)).toBeVisible();
    await expect(page.getByRole("button", { name: c.confirm })).toBeVisible();
    await expect(main(page).getByRole("link", { name: "Cancel" })).toBeVisible();
    await expectAccessible(page);
  });
}

test("staff follow recent activity to all of it, narrow it to one kind of record and open a record from it", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  await page.goto("/dashboard");
  await expect(page.getByRole("table", { name: "Recent activity" }).getByRole("row")).toHaveCount(6);
  await page.getByRole("link", { name: "View all activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Kind of record").selectOption({ label: "Delivery plan" });
  await page.getByRole("button", { name: "Apply filter" }).click();
  const table = page.getByRole("table", { name: "Activity on delivery plan records" });
  await expect(table).toBeVisible();
  const first = table.getByRole("row").nth(1).getByRole("link");
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
});
