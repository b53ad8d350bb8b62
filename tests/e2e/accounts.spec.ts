import { DEMO_USERS } from "../../prisma/demo-users";
import { expect, expectAccessible, signInAsEmail, test } from "./fixtures";
import { linkIn, waitForEmail } from "./mailbox";
import { main, navLink } from "./support";

const PROVIDER_ORG = DEMO_USERS.PROVIDER.organisation;

test("an admin invites a provider, who sets a password, signs in, resets it, and is refused once deactivated", async ({
  page,
  browser,
  signInAs,
}) => {
  const email = `invited-${Date.now()}@northbridge.example`;
  const first = "plum orchard kettle lantern";
  const second = "copper meadow violin harbour";

  // The admin's pages.
  await signInAs("CENTRE_STAFF");
  await navLink(page, "Admin").click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await expect(main(page).getByRole("link", { name: "E-mails" })).toHaveAttribute("href", "/admin/emails");
  await expectAccessible(page);
  await main(page).getByRole("link", { name: "Organisations" }).click();
  await expect(main(page).getByRole("link", { name: PROVIDER_ORG })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add an organisation" }).click();
  await expectAccessible(page);

  await page.goto("/admin/people");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Invite a person" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Full name").fill("Nadia Invited");
  await page.getByLabel("Education provider", { exact: true }).check();
  await page.getByLabel("Organisation").selectOption({ label: `${PROVIDER_ORG} (Education provider)` });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText("The invitation was sent.");
  await expect(main(page).getByText("Invited", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const personPage = page.url();

  // The invited person, in their own browser.
  const theirs = await browser.newContext();
  const person = await theirs.newPage();
  const invitation = linkIn(await waitForEmail(email, "invited"), "/invitations/");
  await person.goto(invitation);
  await expect(person.getByRole("heading", { level: 1, name: "Accept your invitation" })).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel("Password", { exact: true }).fill("password1234");
  await person.getByLabel("Confirm password").fill("password1234");
  await person.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(person.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("too common");
  await person.getByLabel("Password", { exact: true }).fill(first);
  await person.getByLabel("Confirm password").fill(first);
  await person.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toContainText("Education provider dashboard");

  // Signs in with it, and sees their organisation's dashboard.
  await person.getByRole("button", { name: "Sign out" }).click();
  await signInAsEmail(person, email, first);
  await expect(main(person)).toContainText(PROVIDER_ORG);

  // Forgets it: the reset link sets a new one.
  await person.getByRole("button", { name: "Sign out" }).click();
  await person.getByRole("link", { name: "Forgot your password?" }).click();
  await expectAccessible(person);
  await person.getByLabel("Email address").fill(email);
  await person.getByRole("button", { name: "Send reset link" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await expectAccessible(person);
  await person.goto(linkIn(await waitForEmail(email, "Reset"), "/reset-password/"));
  await expectAccessible(person);
  await person.getByLabel("New password", { exact: true }).fill(second);
  await person.getByLabel("Confirm new password").fill(second);
  await person.getByRole("button", { name: "Change password and sign in" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toContainText("Education provider dashboard");
  await person.getByRole("link", { name: /Nadia Invited/ }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(main(person)).toContainText(PROVIDER_ORG);
  await expectAccessible(person);

  // The admin deactivates them: their open browser is refused on its next click.
  await page.goto(personPage);
  await page.getByRole("link", { name: "Deactivate account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deactivate Nadia Invited's account?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, deactivate this account" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a reason for deactivating the account");
  await page.getByLabel("Reason for deactivating").fill("Left the provider in November");
  await page.getByRole("button", { name: "Yes, deactivate this account" }).click();
  await expect(page.getByRole("status")).toContainText("deactivated");
  await expect(main(page)).toContainText("Left the provider in November");
  await expect(page.getByRole("table", { name: "History" })).toContainText(/deactivate/i);
  await navLink(person, "Delivery plans").click();
  await expect(person).toHaveURL(/\/sign-in/);

  // The invitation link was used: a clear page, not an error.
  await person.goto(invitation);
  await expect(person.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  await expectAccessible(person);
  await theirs.close();
});
