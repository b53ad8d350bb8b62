import { expect, expectAccessible, test } from "./fixtures";

// The check every journey relies on must itself fail on an inaccessible page, or a clean run would prove nothing.
test("the accessibility check reports a page with an unlabelled field and an image without alternative text", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title></head>
    <body><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>`);
  const failure = await expectAccessible(page).then(
    () => "no violations",
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
  expect(failure).toContain("label");
});

test("the accessibility check reports a page with no title", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head></head><body><main><h1>Check</h1></main></body></html>`);
  const failure = await expectAccessible(page).then(
    () => "no violations",
    (error: Error) => error.message,
  );
  expect(failure).toContain("has no title");
});
