import { expect, expectAccessible, test } from "./fixtures";
import { go, main } from "./support";

// A form body over 1 MB is refused before any application code runs: 413 and a page that says what to do.
const TWO_MB = 2 * 1024 * 1024;
test.describe.configure({ timeout: 120_000 });

test("a form too large to send shows what to do, and nothing is saved", async ({ page, signInAs }) => {
  const roundName = `E2E too large ${Date.now()}`;
  await signInAs("CENTRE_STAFF");
  await page.goto("/priorities/rounds/new");
  await page.getByLabel("Round name").fill(roundName);
  await page
    .locator("form")
    .filter({ has: page.getByLabel("Round name") })
    .evaluate((form, size) => {
      const filler = document.createElement("input");
      filler.type = "hidden";
      filler.name = "filler";
      filler.value = "x".repeat(size);
      form.append(filler);
    }, TWO_MB);
  await go(page, () => page.getByRole("button", { name: "Create round" }).click(), "What you sent is too large");
  await expect(main(page)).toContainText("Nothing was saved");

  await page.goto("/priorities");
  await expect(main(page)).not.toContainText(roundName);
});

test("a 2 MB form posted without script gets 413 and a readable page", async ({ page, signInAs }) => {
  await signInAs("CENTRE_STAFF");
  const res = await page.request.post("/priorities/rounds/new", {
    multipart: { name: "E2E too large", filler: "x".repeat(TWO_MB) },
    headers: { referer: new URL("/priorities/rounds/new", page.url()).toString() },
  });
  expect(res.status()).toBe(413);
  await page.setContent(await res.text());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What you sent is too large");
  await expect(page.getByRole("link", { name: "Go back to the form" })).toHaveAttribute("href", "/priorities/rounds/new");
  await expectAccessible(page);
});
