import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures";

// The public catalogue, signed out: filtering, who delivers a credential, and the catalogue as linked data.
// APC-0005 (first contact practice, MSK) has a research outcome and one approved delivery plan, from the University of
// Northbridge; Southfield's plan for it is only submitted.

test("a visitor filters the catalogue by pillar, finds who delivers a credential, and downloads the linked data", async ({ page }) => {
  await page.goto("/catalogue");
  await page.getByLabel("Pillar of advanced practice").selectOption({ label: "Research" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]pillar=RESEARCH(&|$)/);
  await expect(page.getByLabel("Pillar of advanced practice")).toHaveValue("RESEARCH");
  await expectAccessible(page);

  await page.getByRole("link", { name: /^APC-0005: / }).click();
  const providers = page.getByRole("table", { name: "Education providers approved to deliver this credential" });
  await expect(providers.getByRole("row", { name: /University of Northbridge/ })).toContainText(
    "PG Certificate in First Contact Practice (Musculoskeletal)",
  );
  await expect(providers).not.toContainText("MSc Advanced Clinical Practice – First Contact MSK pathway");
  await expectAccessible(page);
  const embedded = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "");
  expect(embedded).toMatchObject({
    id: expect.stringMatching(/\/catalogue\/APC-0005$/),
    type: ["Achievement"],
    humanCode: "APC-0005",
    creator: { id: expect.stringMatching(/\/badges\/issuer$/) },
  });

  await page.goto("/catalogue");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the whole catalogue as linked data/ }).click();
  const file = await (await download).path();
  const graph = JSON.parse(await readFile(file, "utf8"))["@graph"] as { humanCode: string; name: string }[];
  expect(graph.find((a) => a.humanCode === "APC-0005")).toMatchObject({ name: embedded.name });
});
