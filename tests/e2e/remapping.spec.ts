import { expect, expectAccessible, signInAsEmail, test } from "./fixtures";
import { go, main, navLink, switchTo } from "./support";

// The demo's APC-0010 has version 2 endorsed and the Midlands plan, approved on version 1, with an open re-mapping
// task: the provider maps the changed and new outcomes (the rest carried over) and submits; staff see the plan in
// the credential's impact list and approve, and the plan moves to version 2.

test.describe.configure({ timeout: 180_000 });

const PLAN = "Community Frailty Practice (level 7)";

test("a provider re-maps a plan to a new specification version and staff approve it", async ({ page, signInAs }) => {
  await switchTo(page, () => signInAsEmail(page, "anita.desai@midlands-hec.example"));
  const toDo = main(page).locator('a[href^="/delivery-plans/remapping/"]');
  await expect(toDo).toHaveCount(1);
  const taskPath = await toDo.getAttribute("href");
  await go(page, () => navLink(page, "Delivery plans").click(), "Delivery plans");
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => main(page).getByRole("link", { name: "Open the re-mapping" }).click(), "Re-map to version 2");
  expect(new URL(page.url()).pathname).toBe(taskPath);
  await expect(main(page).locator("del").first()).toBeVisible();
  await expect(main(page).getByText("8. New")).toBeVisible();

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(
    main(page)
      .getByText(/Map learning outcome 3 and learning outcome 8/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  for (const n of [3, 8]) {
    await page.getByLabel(`Module for learning outcome ${n}`).fill(`CFP70${n} Community care`);
    await page.getByLabel(`Assessment for learning outcome ${n}`).fill("Case portfolio");
  }
  await go(page, () => page.getByRole("button", { name: "Continue" }).click(), "Re-map to version 2");
  await expect(main(page)).toContainText("Status: Submitted");

  await switchTo(page, () => signInAs("CENTRE_STAFF"));
  await go(page, () => navLink(page, "Credentials").click(), "Credentials");
  await go(
    page,
    () =>
      main(page)
        .getByRole("link", { name: /Frailty in Community Settings/ })
        .click(),
    "Frailty in Community Settings",
  );
  const impact = page.getByRole("table", { name: /Delivery plans affected by new versions/ });
  await expect(impact.getByRole("row", { name: new RegExp(PLAN.replace(/[()]/g, "\\$&")) })).toContainText("Submitted");
  await go(page, () => impact.getByRole("link", { name: PLAN }).click(), "Re-map to version 2");
  expect(new URL(page.url()).pathname).toBe(taskPath);
  await go(page, () => page.getByRole("button", { name: "Approve the re-mapping" }).click(), "Re-map to version 2");
  await expect(main(page)).toContainText("Status: Approved");
  await go(page, () => main(page).getByRole("link", { name: PLAN }).first().click(), PLAN);
  await expect(main(page).getByRole("link", { name: "Open the re-mapping" })).toHaveCount(0);
});
