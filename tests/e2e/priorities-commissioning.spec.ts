import { expect, expectAccessible, test } from "./fixtures";
import {
  addPriority,
  commissionAndIssue,
  expectConfirmation,
  EXPERT_GROUP,
  go,
  main,
  navLink,
  openIssuedCommission,
  passGateway,
  switchTo,
} from "./support";

// Long journeys through two roles, with an accessibility check on every page.
test.describe.configure({ timeout: 120_000 });

test("staff rank a round's priorities, pass one through the gateway and commission it; the expert accepts", async ({ page, signInAs }) => {
  const stamp = Date.now();
  const roundName = `E2E round ${stamp}`;
  const [first, second] = [`Frailty ${stamp}`, `Acute oncology ${stamp}`];
  const commission = `${second} credential`;

  await signInAs("CENTRE_STAFF");
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await go(page, () => page.getByRole("link", { name: "Create a round" }).click(), "Create a priority round");
  await page.getByLabel("Round name").fill(roundName);
  await go(page, () => page.getByRole("button", { name: "Create round" }).click(), roundName);
  await page.getByRole("button", { name: `Open round ${roundName}` }).click();
  await expect(main(page)).toContainText("Status: Open");
  await expectAccessible(page);

  await addPriority(page, roundName, first);
  await addPriority(page, roundName, second);
  const ranking = page.getByRole("table", { name: "Priorities in rank order" });
  await expect(ranking.getByRole("row").nth(1)).toContainText(first);
  await page.getByRole("button", { name: `Move ${second} up` }).click();
  await expect(ranking.getByRole("row").nth(1)).toContainText(second);
  await expect(ranking.getByRole("row").nth(2)).toContainText(first);
  await expectAccessible(page);

  await go(page, () => ranking.getByRole("link", { name: second }).click(), second);
  await expect(main(page)).toContainText("Round " + roundName + ", rank 1");
  await page.getByRole("button", { name: "Publish priority" }).click();
  await expect(main(page)).toContainText("Status: Published");
  await expect(main(page)).toContainText("Only a priority that has passed the gateway can be commissioned");
  await expect(page.getByRole("link", { name: "Commission an expert group" })).toHaveCount(0);
  await expectAccessible(page);

  await passGateway(page, second);

  await commissionAndIssue(page, commission);

  await switchTo(page, () => signInAs("EXPERT"));
  await openIssuedCommission(page, commission);
  await page.getByRole("button", { name: "Accept commission" }).click();
  await expect(page).toHaveURL(/\/credentials\/[^/]+$/);
  await expectAccessible(page);
  await page.goto("/credentials");
  await expect(page.getByRole("link", { name: commission })).toBeVisible();
  await expectAccessible(page);
});

test("an expert declines a commission only on its confirmation page, with a reason the commission then shows", async ({
  page,
  signInAs,
}) => {
  const commission = `Critical care credential ${Date.now()}`;
  await signInAs("CENTRE_STAFF");
  await go(page, () => navLink(page, "Priorities").click(), "Priorities");
  await go(page, () => page.getByRole("link", { name: "Critical care", exact: true }).click(), "Critical care");
  await commissionAndIssue(page, commission);

  await switchTo(page, () => signInAs("EXPERT"));
  await openIssuedCommission(page, commission);
  await go(page, () => page.getByRole("link", { name: "Decline commission" }).click(), "Decline this commission?");
  await expect(main(page).getByRole("link", { name: "Cancel" })).toHaveAttribute("href", /^\/commissions\/[^/]+$/);
  await page.getByRole("button", { name: "Yes, decline this commission" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter a reason for declining this commission" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Decline this commission?");
  await expectAccessible(page);

  await page.getByLabel("Reason for declining this commission").fill("The group has no capacity until next year.");
  await page.getByRole("button", { name: "Yes, decline this commission" }).click();
  await expectConfirmation(page, "Commission declined");
  await expect(main(page)).toContainText("Status: Declined");
  await expect(main(page)).toContainText("The group has no capacity until next year.");
  await expectAccessible(page);
});

test("staff register a pilot phase 2 resource for an expert group to develop", async ({ page, signInAs }) => {
  const title = `Sickle cell disease ${Date.now()}`;
  await signInAs("CENTRE_STAFF");
  await go(page, () => navLink(page, "Credentials").click(), "Credentials");
  await go(page, () => page.getByRole("link", { name: "Register a pilot resource" }).click(), "Register a pilot resource");
  await page.getByRole("button", { name: "Register resource" }).click();
  await expect(page.getByRole("link", { name: "Choose the pilot phase" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (optional)").fill("A resource the expert group is still developing.");
  await page.getByLabel("Owning expert group").selectOption({ label: EXPERT_GROUP });
  await page.getByLabel("Pilot phase 2 (resource in development)").check();
  await page.getByRole("button", { name: "Register resource" }).click();
  await expect(page).toHaveURL(/\/credentials\/(?!new)[^/]+$/);
  await expectAccessible(page);

  await page.goto("/credentials?origin=PILOT_PHASE_2");
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Pilot phase 2 (resource in development)");
  await expectAccessible(page);
});
