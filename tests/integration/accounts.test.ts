import { beforeEach, describe, expect, it } from "vitest";
import { accountTokenState, hashAccountToken, issueAccountToken, useAccountToken } from "@/lib/auth/account-tokens";
import { hashPassword } from "@/lib/auth/password";
import { createSession, userForSession } from "@/lib/auth/session-store";
import { acceptInvitation, changePassword, requestPasswordReset, resetPassword } from "@/lib/data/account";
import { changePerson, createCentreAdmin, deactivatePerson, invitePerson, listPeople, reactivatePerson } from "@/lib/data/people";
import { createOrganisation, renameOrganisation } from "@/lib/data/organisations";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

beforeEach(resetDb, 60_000);

const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const GOOD_PASSWORD = "plum orchard kettle lantern";

async function world() {
  const centre = await make.organisation("CENTRE");
  const provider = await make.organisation("EDUCATION_PROVIDER");
  const admin = await make.actor("CENTRE_STAFF", centre.id);
  await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
  const staff = await make.actor("CENTRE_STAFF", centre.id);
  return { centre, provider, admin, staff };
}

const seenAt = async (id: string) => (await testDb().user.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
/** The token in the newest e-mail's link to `path` (the e-mail is the only place it exists). */
async function linkToken(to: string, path: string) {
  const mail = await testDb().emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(mail.body)![1];
}

describe("account tokens", () => {
  it("store only a hash, work once, and are refused after that", async () => {
    const { staff } = await world();
    const token = await issueAccountToken(testDb(), staff.id, "PASSWORD_RESET", T0);
    const row = await testDb().accountToken.findFirstOrThrow();
    expect(row.tokenHash).toBe(hashAccountToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect((await useAccountToken(testDb(), token, "PASSWORD_RESET", at(HOUR - 1000))).state).toBe("valid");
    expect((await useAccountToken(testDb(), token, "PASSWORD_RESET", at(HOUR - 500))).state).toBe("used");
  });

  it("expire: a reset link after 1 hour, an invitation after 7 days", async () => {
    const { staff } = await world();
    const reset = await issueAccountToken(testDb(), staff.id, "PASSWORD_RESET", T0);
    const invite = await issueAccountToken(testDb(), staff.id, "INVITATION", T0);
    expect((await accountTokenState(testDb(), reset, "PASSWORD_RESET", at(HOUR - 1))).state).toBe("valid");
    expect((await useAccountToken(testDb(), reset, "PASSWORD_RESET", at(HOUR))).state).toBe("expired");
    expect((await accountTokenState(testDb(), invite, "INVITATION", at(7 * DAY - 1))).state).toBe("valid");
    expect((await useAccountToken(testDb(), invite, "INVITATION", at(7 * DAY))).state).toBe("expired");
  });

  it("are refused for another purpose, when unknown, and once a newer one is sent", async () => {
    const { staff } = await world();
    const first = await issueAccountToken(testDb(), staff.id, "PASSWORD_RESET", T0);
    expect((await accountTokenState(testDb(), first, "INVITATION", T0)).state).toBe("unknown");
    await issueAccountToken(testDb(), staff.id, "PASSWORD_RESET", T0);
    expect((await accountTokenState(testDb(), first, "PASSWORD_RESET", T0)).state).toBe("unknown");
    expect((await accountTokenState(testDb(), "x".repeat(43), "PASSWORD_RESET", T0)).state).toBe("unknown");
  });
});

describe("inviting people", () => {
  it("an admin invites a person: no password, a queued e-mail with a 7-day link, audited; the link sets name and password once", async () => {
    const { admin, provider } = await world();
    const { id } = await invitePerson(admin, {
      email: "New.Person@Provider.example",
      name: "New Person",
      role: "PROVIDER",
      organisationId: provider.id,
      isAdmin: "no",
    });
    const user = await testDb().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: "new.person@provider.example", passwordHash: null, active: true, isAdmin: false });
    expect((await listPeople(admin, { status: "INVITED" })).rows.map((p) => p.id)).toEqual([id]);
    const token = await linkToken("new.person@provider.example", "/invitations");

    const accepted = await acceptInvitation({ token, name: "Nia Person", password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    expect(accepted).toMatchObject({ ok: true, user: { id, name: "Nia Person", organisationId: provider.id } });
    expect((await listPeople(admin, { status: "ACTIVE" })).rows.map((p) => p.id)).toContain(id);
    const again = await acceptInvitation({
      token,
      name: "Someone Else",
      password: "another long passphrase",
      confirmPassword: "another long passphrase",
    });
    expect(again).toEqual({ ok: false, state: "used" });
    expect((await make.auditFor(id)).map((a) => a.action)).toEqual(["invite", "acceptInvitation"]);
  });

  it("refuses an e-mail address that already has an account, whatever its case", async () => {
    const { admin, provider, staff } = await world();
    const err = await refusal(
      invitePerson(admin, { email: staff.email.toUpperCase(), name: "Copy", role: "PROVIDER", organisationId: provider.id }),
    );
    expect(err.fieldErrors?.email?.[0]).toMatch(/already has an account/);
    expect(await testDb().emailOutbox.count()).toBe(0);
  });

  it("refuses a role in the wrong kind of organisation, and admin rights for anyone but Centre staff", async () => {
    const { admin, provider, centre } = await world();
    expect(
      (await refusal(invitePerson(admin, { email: "a@provider.example", name: "A", role: "PROVIDER", organisationId: centre.id })))
        .fieldErrors,
    ).toHaveProperty("organisationId");
    expect(
      (
        await refusal(
          invitePerson(admin, { email: "b@provider.example", name: "B", role: "PROVIDER", organisationId: provider.id, isAdmin: "yes" }),
        )
      ).fieldErrors,
    ).toHaveProperty("isAdmin");
  });
});

describe("passwords", () => {
  async function invited() {
    const { admin, provider } = await world();
    await invitePerson(admin, { email: "pat@provider.example", name: "Pat", role: "PROVIDER", organisationId: provider.id });
    return linkToken("pat@provider.example", "/invitations");
  }

  it.each([
    ["short", "eleven char", /at least 12 characters/],
    ["common", "Password1234", /too common/],
    ["common in another case", "QWERTYUIOP123", /too common/],
    ["too long", "x".repeat(201), /200 characters or fewer/],
    ["the e-mail address", "pat@provider.example", /not be your email/],
  ])("refuses a %s password and leaves the link usable", async (_what, password, message) => {
    const token = await invited();
    const err = await refusal(acceptInvitation({ token, name: "Pat", password, confirmPassword: password }));
    expect(err.fieldErrors?.password?.[0]).toMatch(message);
    expect((await testDb().user.findUniqueOrThrow({ where: { email: "pat@provider.example" } })).passwordHash).toBeNull();
    expect((await accountTokenState(testDb(), token, "INVITATION")).state).toBe("valid");
  });

  it("refuses a confirmation that does not match", async () => {
    const token = await invited();
    const err = await refusal(acceptInvitation({ token, name: "Pat", password: GOOD_PASSWORD, confirmPassword: `${GOOD_PASSWORD}!` }));
    expect(err.fieldErrors).toHaveProperty("confirmPassword");
  });

  it("a change needs the current password and ends every session", async () => {
    const { provider } = await world();
    const user = await testDb().user.create({
      data: {
        email: "helen@provider.example",
        name: "Helen",
        role: "PROVIDER",
        organisationId: provider.id,
        passwordHash: await hashPassword(GOOD_PASSWORD),
      },
    });
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId };
    const { token } = await createSession(user.id);
    const wrong = await refusal(
      changePassword(actor, {
        currentPassword: "not my password",
        password: "new lantern kettle orchard",
        confirmPassword: "new lantern kettle orchard",
      }),
    );
    expect(wrong.fieldErrors).toHaveProperty("currentPassword");
    expect(await userForSession(token)).not.toBeNull();
    await changePassword(actor, {
      currentPassword: GOOD_PASSWORD,
      password: "new lantern kettle orchard",
      confirmPassword: "new lantern kettle orchard",
    });
    expect(await userForSession(token)).toBeNull();
  });
});

describe("password reset", () => {
  const CLIENT = "192.0.2.1";

  it("answers the same whether or not the address has an account, and e-mails only an existing one", async () => {
    const { staff } = await world();
    const known = await requestPasswordReset({ email: staff.email }, CLIENT, T0);
    const unknown = await requestPasswordReset({ email: "nobody@nowhere.example" }, CLIENT, T0);
    expect(unknown).toEqual(known);
    expect(await testDb().emailOutbox.findMany({ select: { to: true } })).toEqual([{ to: staff.email }]);
  });

  it("a deactivated account gets no e-mail, with the same answer", async () => {
    const { staff } = await world();
    await testDb().user.update({ where: { id: staff.id }, data: { active: false } });
    expect(await requestPasswordReset({ email: staff.email }, CLIENT, T0)).toEqual({ ok: true });
    expect(await testDb().emailOutbox.count()).toBe(0);
  });

  it("the link works for an hour, once, and ends every session of the person", async () => {
    const { staff } = await world();
    const { token: session } = await createSession(staff.id);
    await requestPasswordReset({ email: staff.email }, CLIENT, new Date());
    const token = await linkToken(staff.email, "/reset-password");
    expect(await resetPassword({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })).toMatchObject({
      ok: true,
      user: { id: staff.id },
    });
    expect(await userForSession(session)).toBeNull();
    expect(await resetPassword({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD })).toEqual({ ok: false, state: "used" });
  });

  it("is throttled per address asked about, whoever asks, and per client, for known and unknown addresses alike", async () => {
    const { staff } = await world();
    const outcomes = [];
    // Three free, the fourth starts a lock-out, the fifth waits.
    for (let i = 0; i < 5; i++) outcomes.push(await requestPasswordReset({ email: staff.email }, `198.51.100.${i}`, T0));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, false]);
    const fromOne = [];
    for (let i = 0; i < 22; i++) fromOne.push(await requestPasswordReset({ email: `person${i}@nowhere.example` }, CLIENT, T0));
    expect(fromOne.map((o) => o.ok).lastIndexOf(true)).toBe(20);
    expect(fromOne.at(-1)).toMatchObject({ ok: false });
    expect(await testDb().emailOutbox.count()).toBe(4);
  });
});

describe("managing people", () => {
  it("only admins can read or change people and organisations", async () => {
    const { staff, provider, admin } = await world();
    expect((await refusal(listPeople(staff))).code).toBe("NOT_ALLOWED");
    expect(
      (await refusal(invitePerson(staff, { email: "x@provider.example", name: "X", role: "PROVIDER", organisationId: provider.id }))).code,
    ).toBe("NOT_ALLOWED");
    expect((await refusal(createOrganisation(staff, { name: "New body", kind: "OTHER" }))).code).toBe("NOT_ALLOWED");
    expect(
      (await refusal(deactivatePerson(staff, { id: admin.id, seenAt: await seenAt(admin.id), reason: "Left the organisation" }))).code,
    ).toBe("NOT_ALLOWED");
  });

  it("an admin creates and renames an organisation, refusing a name in use", async () => {
    const { admin, provider } = await world();
    const org = await createOrganisation(admin, { name: "Northern Reviewers", kind: "OTHER" });
    const row = await testDb().organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(
      (await refusal(renameOrganisation(admin, { id: org.id, seenAt: row.updatedAt.toISOString(), name: provider.name.toUpperCase() })))
        .fieldErrors,
    ).toHaveProperty("name");
    await renameOrganisation(admin, { id: org.id, seenAt: row.updatedAt.toISOString(), name: "Northern Reviewers Network" });
    expect((await refusal(renameOrganisation(admin, { id: org.id, seenAt: row.updatedAt.toISOString(), name: "Stale" }))).code).toBe(
      "STALE_VERSION",
    );
    expect((await make.auditFor(org.id)).map((a) => a.action)).toEqual(["create", "rename"]);
  });

  it("compares names as they are: _ and % are not wildcards, and a trailing backslash is just a character", async () => {
    const { admin } = await world();
    await createOrganisation(admin, { name: "Uni_A", kind: "OTHER" });
    // Matched as a LIKE pattern, "UnixA" was "already in use" (_ matched any character) and "%" matched every name.
    for (const name of ["UnixA", "%", "Mid\\"])
      await expect(createOrganisation(admin, { name, kind: "OTHER" })).resolves.toHaveProperty("id");
    expect((await refusal(createOrganisation(admin, { name: "uni_a", kind: "OTHER" }))).fieldErrors).toHaveProperty("name");
    expect((await refusal(createOrganisation(admin, { name: "MID\\", kind: "OTHER" }))).fieldErrors).toHaveProperty("name");
  });

  it("nobody can deactivate or demote the last active admin, themselves included", async () => {
    const { admin, centre } = await world();
    const deactivate = await refusal(
      deactivatePerson(admin, { id: admin.id, seenAt: await seenAt(admin.id), reason: "Left the organisation" }),
    );
    expect(deactivate.code).toBe("GUARD_FAILED");
    const demote = await refusal(
      changePerson(admin, { id: admin.id, seenAt: await seenAt(admin.id), role: "CENTRE_STAFF", organisationId: centre.id, isAdmin: "no" }),
    );
    expect(demote.message).toMatch(/last active Centre admin/);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ isAdmin: true, active: true });
  });

  it("with a second admin, one may step down, and then the other is the last", async () => {
    const { admin, staff, centre } = await world();
    await changePerson(admin, {
      id: staff.id,
      seenAt: await seenAt(staff.id),
      role: "CENTRE_STAFF",
      organisationId: centre.id,
      isAdmin: "yes",
    });
    await deactivatePerson(staff, { id: admin.id, seenAt: await seenAt(admin.id), reason: "Left the organisation" });
    expect(
      (await refusal(deactivatePerson(staff, { id: staff.id, seenAt: await seenAt(staff.id), reason: "Left the organisation" }))).code,
    ).toBe("GUARD_FAILED");
  });

  it("deactivating or changing role or organisation ends the person's sessions, audited on their history", async () => {
    const { admin, provider } = await world();
    const other = await make.organisation("EDUCATION_PROVIDER");
    const person = await make.actor("PROVIDER", provider.id);
    await testDb().user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword(GOOD_PASSWORD) } });
    const first = await createSession(person.id);
    await changePerson(admin, {
      id: person.id,
      seenAt: await seenAt(person.id),
      role: "PROVIDER",
      organisationId: other.id,
      isAdmin: "no",
    });
    expect(await userForSession(first.token)).toBeNull();

    const second = await createSession(person.id);
    await deactivatePerson(admin, { id: person.id, seenAt: await seenAt(person.id), reason: "Left the organisation" });
    expect(await userForSession(second.token)).toBeNull();
    expect(await testDb().session.count({ where: { userId: person.id } })).toBe(0);
    const reasonOf = async () => (await testDb().user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedReason;
    expect(await reasonOf()).toBe("Left the organisation");

    await reactivatePerson(admin, { id: person.id, seenAt: await seenAt(person.id) });
    expect(await reasonOf()).toBeNull();
    const history = await make.auditFor(person.id);
    expect(history.map((a) => `${a.action}:${a.toState}`)).toEqual(["changeAccess:ACTIVE", "deactivate:DEACTIVATED", "reactivate:ACTIVE"]);
    expect(history[1].reason).toBe("Left the organisation");
    expect(history[0].data).toMatchObject({ changes: { organisationId: { from: provider.id, to: other.id } } });
  });

  it("a change made from a page that is out of date is refused", async () => {
    const { admin, provider } = await world();
    const person = await make.actor("PROVIDER", provider.id);
    const old = await seenAt(person.id);
    await deactivatePerson(admin, { id: person.id, seenAt: old, reason: "Left the organisation" });
    expect((await refusal(reactivatePerson(admin, { id: person.id, seenAt: old }))).code).toBe("STALE_VERSION");
  });
});

describe("the first admin", () => {
  it("is created with the Centre and a one-time link, and an e-mail in use is refused", async () => {
    const { link } = await createCentreAdmin({ email: "ada@centre.example", name: "Ada Lovelace" });
    const token = /\/invitations\/([A-Za-z0-9_-]{43})$/.exec(link)![1];
    expect((await accountTokenState(testDb(), token, "INVITATION")).state).toBe("valid");
    const ada = await testDb().user.findUniqueOrThrow({ where: { email: "ada@centre.example" }, include: { organisation: true } });
    expect(ada).toMatchObject({ role: "CENTRE_STAFF", isAdmin: true, passwordHash: null, organisation: { kind: "CENTRE" } });
    expect((await refusal(createCentreAdmin({ email: "ADA@centre.example", name: "Again" }))).fieldErrors?.email?.[0]).toMatch(
      /already has an account/,
    );
  });
});
