import { createPublicKey, verify } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, forgetSession, test } from "./fixtures";
import { fillDate, go, main } from "./support";

// Recognition of completion: the demo provider records practitioners who completed APC-0005 through its approved
// plan, Centre staff recognise the completions, and anyone (signed out) can check the signed digital badge, find
// the practitioners who agreed to be listed in the directory, and see a revoked badge as revoked.

const PLAN = "PG Certificate in First Contact Practice (Musculoskeletal)";
const CREDENTIAL = "APC-0005 First Contact Practitioner – Musculoskeletal";

async function expectMessage(page: Page, message: string) {
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
  await expectAccessible(page);
}

async function openRecordForm(page: Page) {
  await go(
    page,
    () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Delivery plans" }).click(),
    "Delivery plans",
  );
  await go(page, () => page.getByRole("link", { name: PLAN, exact: true }).click(), PLAN);
  await go(page, () => page.getByRole("link", { name: "Record a completion" }).click(), "Record a completion");
}

async function recordNewPractitioner(page: Page, name: string, consent: boolean) {
  await openRecordForm(page);
  await page.getByLabel("Practitioner's full name", { exact: true }).fill(name);
  await page.getByLabel("Profession", { exact: true }).selectOption({ label: "Physiotherapy (HCPC)" });
  await page.getByLabel("Professional registration number", { exact: true }).fill("PH123456");
  await page.getByLabel("Advanced-practice MSc").check();
  if (consent) await page.getByLabel("The practitioner agrees to be listed in the public directory").check();
  await fillDate(page, "Date completed", "2026-07-15");
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectMessage(page, "Completion recorded");
}

async function recognise(page: Page, name: string): Promise<string> {
  await go(page, () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Completions" }).click(), "Completions");
  await go(page, () => page.getByRole("link", { name, exact: true }).click(), name);
  await page.getByRole("button", { name: "Recognise completion" }).click();
  await expectMessage(page, "Completion recognised");
  const href = await page.getByRole("link", { name: `Verify the badge for ${name}` }).getAttribute("href");
  expect(href).toMatch(/^\/badges\/[0-9a-f-]{36}$/);
  return href!;
}

/** Checks a compact JWS with Node's own Ed25519, against the first key of the issuer's published key set. */
function signatureHolds(jwt: string, jwk: { x: string }) {
  const [header, payload, signature] = jwt.split(".");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
  return verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
}

async function checkOnVerifyPage(page: Page, jwt: string) {
  await page.goto("/badges/verify");
  await page.getByLabel("Signed badge", { exact: true }).fill(jwt);
  await page.getByRole("button", { name: "Check badge" }).click();
}

test("a provider records completions, staff recognise them, and anyone checks the signed badge, the directory and a revocation", async ({
  page,
  browser,
  signInAs,
}) => {
  const stamp = Date.now();
  const listed = `Amira Listed ${stamp}`;
  const unlisted = `Bruno Unlisted ${stamp}`;
  await signInAs("PROVIDER");
  await openRecordForm(page);

  // Nothing typed: the error summary names every field, and nothing is recorded.
  await expect(page.getByLabel("Delivery plan", { exact: true })).toHaveValue(/.+/);
  await expect(main(page)).toContainText("A completion can only be recorded for a practitioner who has a profession");
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the practitioner's full name");
  await expectAccessible(page);

  // A practitioner without a profession is not eligible: a field error says why, and what was typed is kept.
  await page.getByLabel("Practitioner's full name", { exact: true }).fill(listed);
  await page.getByLabel("Professional registration number", { exact: true }).fill("PH123456");
  await fillDate(page, "Date completed", "2026-07-15");
  await page.getByRole("button", { name: "Record completion" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose the practitioner's profession");
  await expect(page.getByLabel("Practitioner's full name", { exact: true })).toHaveValue(listed);

  await recordNewPractitioner(page, listed, true);
  await expect(main(page)).toContainText("Agreed to be listed");
  await recordNewPractitioner(page, unlisted, false);

  await signInAs("CENTRE_STAFF");
  const badgeHref = await recognise(page, listed);
  await recognise(page, unlisted);

  await forgetSession(page);
  await page.goto(badgeHref);
  await expect(page.getByRole("heading", { level: 1, name: "This badge is valid" })).toBeVisible();
  await expect(main(page)).toContainText(
    `This badge was issued by NHS England – Centre for Advancing Practice to ${listed} for completing the credential ${CREDENTIAL} on 15 July 2026.`,
  );
  await expectAccessible(page);

  // The signed badge, checked here without the app's own library: Node's Ed25519 against the published key.
  const download = await page.request.get((await page.getByRole("link", { name: "Download signed badge" }).getAttribute("href"))!);
  expect(download.headers()["content-type"]).toBe("application/vc+jwt");
  const jwt = (await download.text()).trim();
  const { keys } = await (await page.request.get("/badges/issuer/jwks")).json();
  expect(signatureHolds(jwt, keys[0])).toBe(true);
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
  expect(payload.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
  expect(payload.credentialSubject.achievement.name).toBe(CREDENTIAL);
  expect(payload.credentialStatus.type).toBe("BitstringStatusListEntry");
  const json = await (await page.request.get(`${badgeHref}/credential`)).json();
  expect(json.credentialStatus).toEqual(payload.credentialStatus);

  await checkOnVerifyPage(page, jwt);
  await expect(page.getByRole("heading", { level: 2, name: "This badge is valid" })).toBeVisible();
  await expectAccessible(page);

  const [header, body, signature] = jwt.split(".");
  const at = Math.floor(body.length / 2);
  const tampered = [header, body.slice(0, at) + (body[at] === "A" ? "B" : "A") + body.slice(at + 1), signature].join(".");
  expect(signatureHolds(tampered, keys[0])).toBe(false);
  await checkOnVerifyPage(page, tampered);
  await expect(page.getByRole("heading", { level: 2, name: "This badge has been tampered with" })).toBeVisible();
  await expectAccessible(page);

  // Without scripts the form posts all the same and the page gives the verdict (axe needs scripts, so it ran above).
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await checkOnVerifyPage(plain, tampered);
  await expect(plain.getByRole("heading", { level: 2, name: "This badge has been tampered with" })).toBeVisible();
  await noScript.close();

  await page.goto(`/directory?q=${stamp}`);
  await expect(page.getByRole("heading", { level: 2, name: listed })).toBeVisible();
  await expect(main(page)).toContainText("Physiotherapy (HCPC)");
  await expect(main(page)).toContainText(CREDENTIAL);
  await expect(main(page)).not.toContainText(unlisted);
  await expectAccessible(page);

  await signInAs("CENTRE_STAFF");
  await go(page, () => page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Completions" }).click(), "Completions");
  await go(page, () => page.getByRole("link", { name: listed, exact: true }).click(), listed);
  await go(page, () => page.getByRole("link", { name: "Revoke completion" }).click(), `Revoke ${listed}'s completion?`);
  await page.getByLabel("Reason for revoking").fill("Recorded against the wrong practitioner.");
  await page.getByRole("button", { name: "Yes, revoke this completion" }).click();
  await expectMessage(page, "Completion revoked");

  await forgetSession(page);
  await page.goto(badgeHref);
  await expect(page.getByRole("heading", { level: 1, name: "This badge has been revoked" })).toBeVisible();
  await expectAccessible(page);
  await checkOnVerifyPage(page, jwt);
  await expect(page.getByRole("heading", { level: 2, name: "This badge has been revoked" })).toBeVisible();
});
