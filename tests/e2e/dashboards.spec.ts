import { expect, expectAccessible, test, type Role } from "./fixtures";

// Every dashboard starts with the person's tasks themselves, most urgent first, each linking straight to its record.

for (const role of ["CENTRE_STAFF", "EXPERT", "PROVIDER", "REVIEWER"] as Role[]) {
  test(`the ${role.toLowerCase().replace("_", " ")} dashboard lists tasks that lead straight to their record`, async ({
    page,
    signInAs,
  }) => {
    await signInAs(role);
    await page.goto("/dashboard");
    const toDo = page.getByRole("region", { name: "To do" });
    const tasks = toDo.getByRole("table").getByRole("link");
    await expect(tasks.first()).toBeVisible();
    await expectAccessible(page);
    const href = (await tasks.first().getAttribute("href"))!;
    await tasks.first().click();
    await expect(page).toHaveURL(new URL(href, page.url()).href);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}
