import "server-only";
import { issueAccountToken, TOKEN_PATH } from "@/lib/auth/account-tokens";
import { changes, recordAudit } from "@/lib/audit";
import { absoluteUrl } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { defineCommand, parseInput } from "@/lib/data/command";
import { inTransaction } from "@/lib/data/transition";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { assertAdmin, assertSeen, fieldError } from "@/lib/data/admin-guard";
import { AppError, notFound, stale } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { headerValue } from "@/lib/notify";
import { z } from "zod";
import {
  emailField,
  inviteSchema,
  personChangeSchema,
  personSchema,
  personStatusSchema,
  deactivatePersonSchema,
} from "@/lib/validation/account";
import { requiredLine } from "@/lib/validation/common";
import { reviewerExpertiseSchema } from "@/lib/validation/criteria";
import type { Actor } from "@/lib/workflow";
import { ACCOUNT_STATUSES, accountStatus, lastAdminProblem, ROLE_ORGANISATION_KINDS, type AccountStatus } from "@/lib/workflow/account";

// People, run by Centre admins (organisations are in organisations.ts). Every read and command checks, from the
// database, that the actor is an active admin: the page guard alone would leave the actions open to anyone who can
// post a form.

export const PEOPLE_PAGE_SIZE = LIST_PAGE_SIZE;

const STATUS_WHERE: Record<AccountStatus, Prisma.UserWhereInput> = {
  ACTIVE: { active: true, passwordHash: { not: null } },
  INVITED: { active: true, passwordHash: null },
  DEACTIVATED: { active: false },
};

export async function listPeople(actor: Actor, filters: { status?: string; page?: string } = {}) {
  await assertAdmin(db(), actor);
  const status = oneOf(ACCOUNT_STATUSES, filters.status);
  const page = pageNumber(filters.page);
  const where = status ? STATUS_WHERE[status] : {};
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageWindow(page, PEOPLE_PAGE_SIZE),
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        isAdmin: true,
        active: true,
        passwordHash: true,
        organisation: { select: { name: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  return pageResult(
    rows.map(({ passwordHash, ...r }) => ({ ...r, status: accountStatus({ active: r.active, passwordHash }) })),
    total,
    page,
    PEOPLE_PAGE_SIZE,
  );
}

export async function personDetail(actor: Actor, id: string) {
  await assertAdmin(db(), actor);
  const row = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isAdmin: true,
      active: true,
      deactivatedReason: true,
      passwordHash: true,
      organisationId: true,
      lastSignInAt: true,
      createdAt: true,
      updatedAt: true,
      expertise: true,
      clinicalProfessions: true,
      organisation: { select: { name: true } },
    },
  });
  if (!row) return null;
  const { passwordHash, ...person } = row;
  return { ...person, status: accountStatus({ active: row.active, passwordHash }) };
}

async function assertOrganisationFits(tx: Tx, role: keyof typeof ROLE_ORGANISATION_KINDS, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  if (!org) throw fieldError("organisationId", "Choose their organisation");
  if (!ROLE_ORGANISATION_KINDS[role].includes(org.kind)) throw fieldError("organisationId", WRONG_ORGANISATION[role]);
}

const WRONG_ORGANISATION: Record<keyof typeof ROLE_ORGANISATION_KINDS, string> = {
  CENTRE_STAFF: "Centre staff must belong to the Centre: choose a Centre organisation",
  EXPERT: "An expert-group member must belong to an expert group",
  PROVIDER: "An education provider's staff must belong to an education provider",
  REVIEWER: "Choose their organisation",
};

const adminOnlyForStaff = (role: string, isAdmin: boolean) => {
  if (isAdmin && role !== "CENTRE_STAFF") throw fieldError("isAdmin", "Only Centre staff can be Centre admins");
};

/**
 * Locks every active admin's row, then refuses a change that would leave none. The lock makes two admins who
 * demote each other at the same moment take turns, so the second sees the first's change.
 */
async function assertNotLastAdmin(tx: Tx, userId: string, staysActiveAdmin: boolean) {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE "isAdmin" AND active ORDER BY id FOR UPDATE`;
  const problem = lastAdminProblem(admins.filter((a) => a.id !== userId).length, staysActiveAdmin);
  if (problem) throw new AppError("GUARD_FAILED", problem);
}

function invitationEmail(name: string, inviter: string, token: string) {
  return {
    subject: "You have been invited to Advanced Practice Credentials",
    body: [
      `Dear ${name},`,
      `${inviter} has invited you to Advanced Practice Credentials, the Centre for Advancing Practice's service for advanced-practice credentials.`,
      `To accept, choose a password here (the link works once, for 7 days):\n${absoluteUrl(`${TOKEN_PATH.INVITATION}/${token}`)}`,
      "If you were not expecting this, you can ignore this e-mail.",
    ].join("\n\n"),
  };
}

async function sendInvitation(tx: Tx, user: { id: string; email: string; name: string }, actor: Actor) {
  const token = await issueAccountToken(tx, user.id, "INVITATION");
  const inviter = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
  const mail = invitationEmail(user.name, inviter?.name ?? "The Centre for Advancing Practice", token);
  await tx.emailOutbox.create({ data: { to: headerValue(user.email), subject: headerValue(mail.subject), body: mail.body } });
}

export const invitePerson = defineCommand(inviteSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  adminOnlyForStaff(input.role, input.isAdmin);
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw fieldError("email", "A person with this email address already has an account");
  }
  await assertOrganisationFits(tx, input.role, input.organisationId);
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      organisationId: input.organisationId,
      isAdmin: input.isAdmin,
      passwordHash: null,
    },
    select: { id: true, email: true, name: true },
  });
  await sendInvitation(tx, user, actor);
  await recordAudit(tx, {
    entityType: "User",
    entityId: user.id,
    action: "invite",
    to: "INVITED",
    actor,
    data: { email: input.email, role: input.role, organisationId: input.organisationId, isAdmin: input.isAdmin },
  });
  return { id: user.id };
});

async function loadPerson(tx: Tx, id: string) {
  const row = await tx.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isAdmin: true,
      active: true,
      passwordHash: true,
      organisationId: true,
      expertise: true,
      clinicalProfessions: true,
      updatedAt: true,
    },
  });
  if (!row) throw notFound("The person");
  return row;
}

/** Writes the change only if nobody changed the person since the form was shown. */
async function updatePerson(
  tx: Tx,
  row: { id: string; updatedAt: Date },
  data: Prisma.UserUpdateManyMutationInput & { organisationId?: string },
) {
  const { count } = await tx.user.updateMany({ where: { id: row.id, updatedAt: row.updatedAt }, data });
  if (count !== 1) throw stale();
}

/** Their open sessions end in the same transaction, so their very next request is refused and they sign in afresh. */
const endSessionsOf = (tx: Tx, userId: string) => tx.session.deleteMany({ where: { userId } });

export const resendInvitation = defineCommand(personSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await loadPerson(tx, input.id);
  if (accountStatus(row) !== "INVITED")
    throw new AppError(
      "WRONG_STATE",
      "This person has already accepted their invitation or is deactivated, so there is no invitation to send again.",
    );
  await sendInvitation(tx, row, actor);
  await recordAudit(tx, { entityType: "User", entityId: row.id, action: "resendInvitation", from: "INVITED", to: "INVITED", actor });
  return { id: row.id };
});

export const changePerson = defineCommand(personChangeSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await loadPerson(tx, input.id);
  assertSeen(row, input.seenAt);
  adminOnlyForStaff(input.role, input.isAdmin);
  await assertOrganisationFits(tx, input.role, input.organisationId);
  if (row.isAdmin && !input.isAdmin && row.active) await assertNotLastAdmin(tx, row.id, false);
  const after = { role: input.role, organisationId: input.organisationId, isAdmin: input.isAdmin };
  const changed = changes(row, after, ["role", "organisationId", "isAdmin"]);
  if (Object.keys(changed).length === 0) return { id: row.id, changed: false };
  await updatePerson(tx, row, after);
  await endSessionsOf(tx, row.id);
  await auditDetailsChange(tx, row, "changeAccess", changed, actor);
  return { id: row.id, changed: true };
});

/** A reviewer's expertise, which decides whether an endorsement review has the academic and clinical reviewers it needs. */
export const changeReviewerExpertise = defineCommand(reviewerExpertiseSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await loadPerson(tx, input.id);
  assertSeen(row, input.seenAt);
  if (row.role !== "REVIEWER") throw new AppError("WRONG_STATE", "Only reviewers carry reviewer expertise.");
  const after = { expertise: input.expertise, clinicalProfessions: input.clinicalProfessions };
  const changed = changes(row, after, ["expertise", "clinicalProfessions"]);
  if (Object.keys(changed).length === 0) return { id: row.id, changed: false };
  await updatePerson(tx, row, after);
  await auditDetailsChange(tx, row, "changeExpertise", changed, actor);
  return { id: row.id, changed: true };
});

/** A change to a person's details that leaves their account's status as it was, with what changed. */
function auditDetailsChange(tx: Tx, row: Awaited<ReturnType<typeof loadPerson>>, action: string, changed: object, actor: Actor) {
  const status = accountStatus(row);
  return recordAudit(tx, { entityType: "User", entityId: row.id, action, from: status, to: status, actor, data: { changes: changed } });
}

export const deactivatePerson = defineCommand(deactivatePersonSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await loadPerson(tx, input.id);
  assertSeen(row, input.seenAt);
  if (!row.active) throw new AppError("WRONG_STATE", "This person is already deactivated.");
  if (row.isAdmin) await assertNotLastAdmin(tx, row.id, false);
  await updatePerson(tx, row, { active: false, deactivatedReason: input.reason });
  await endSessionsOf(tx, row.id);
  // An unused invitation or reset link must not outlive the account it was for.
  await tx.accountToken.deleteMany({ where: { userId: row.id, usedAt: null } });
  await recordAudit(tx, {
    entityType: "User",
    entityId: row.id,
    action: "deactivate",
    from: accountStatus(row),
    to: "DEACTIVATED",
    actor,
    reason: input.reason,
  });
  return { id: row.id };
});

export const reactivatePerson = defineCommand(personStatusSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await loadPerson(tx, input.id);
  assertSeen(row, input.seenAt);
  if (row.active) throw new AppError("WRONG_STATE", "This person is already active.");
  await updatePerson(tx, row, { active: true, deactivatedReason: null });
  await recordAudit(tx, {
    entityType: "User",
    entityId: row.id,
    action: "reactivate",
    from: "DEACTIVATED",
    to: accountStatus({ ...row, active: true }),
    actor,
  });
  return { id: row.id };
});

// ---------------------------------------------------------------------------------------------------------------
// The first admin (npm run create-admin)

export const CENTRE_NAME = "Centre for Advancing Practice";

const firstAdminSchema = z.object({ email: emailField, name: requiredLine("their full name", 200) });

/**
 * Creates a Centre admin (and the Centre organisation, if there is none yet) with no password, and returns the
 * one-time link that sets it: the same invitation token an admin's invitation carries, printed instead of e-mailed,
 * since on a new installation nobody can send invitations yet. Refuses an e-mail address that has an account.
 */
export async function createCentreAdmin(
  input: unknown,
  now: Date = new Date(),
): Promise<{ id: string; link: string; createdOrganisation: boolean }> {
  const { email, name } = parseInput(firstAdminSchema, input);
  return inTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw fieldError("email", `${email} already has an account. Sign in as that person, or ask an admin to change their role.`);
    }
    const existing = await tx.organisation.findFirst({ where: { kind: "CENTRE" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const centre = existing ?? (await tx.organisation.create({ data: { name: CENTRE_NAME, kind: "CENTRE" }, select: { id: true } }));
    const user = await tx.user.create({
      data: { email, name, role: "CENTRE_STAFF", isAdmin: true, organisationId: centre.id, passwordHash: null },
      select: { id: true, role: true, organisationId: true },
    });
    const token = await issueAccountToken(tx, user.id, "INVITATION", now);
    await recordAudit(tx, {
      entityType: "User",
      entityId: user.id,
      action: "invite",
      to: "INVITED",
      actor: { id: user.id, role: "SYSTEM", organisationId: null },
      reason: "First Centre admin, created from the command line",
      data: { email, role: "CENTRE_STAFF", isAdmin: true },
    });
    return { id: user.id, link: absoluteUrl(`${TOKEN_PATH.INVITATION}/${token}`), createdOrganisation: !existing };
  });
}
