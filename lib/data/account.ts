import "server-only";
import { accountTokenState, issueAccountToken, TOKEN_PATH, useAccountToken, type TokenState } from "@/lib/auth/account-tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { sessionUserSelect, toSessionUser } from "@/lib/auth/session-store";
import type { SessionUser } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { absoluteUrl } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { defineCommand, parseInput } from "@/lib/data/command";
import { inTransaction } from "@/lib/data/transition";
import { AppError, notFound } from "@/lib/errors";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { headerValue } from "@/lib/notify";
import { check, hit, type ThrottlePolicy, type Throttled } from "@/lib/security/throttle";
import { acceptInvitationSchema, changePasswordSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/account";
import type { Actor } from "@/lib/workflow";
import { z } from "zod";

// A person's own account: what they see of it, changing their password, ending their sessions; and the e-mailed
// links that set a password without being signed in (an invitation, a password reset).

const INVALID = "Check the highlighted fields and try again.";

/** The new password's problem as a field error; also that the confirmation, when given, matches. */
function assertNewPassword(input: { password: string; confirmPassword: string }, email: string) {
  const problem = passwordProblem(input.password, email);
  if (problem) throw new AppError("INVALID_INPUT", INVALID, { password: [problem] });
  if (input.confirmPassword !== input.password)
    throw new AppError("INVALID_INPUT", INVALID, { confirmPassword: ["The passwords do not match"] });
}

export async function ownAccount(actor: Actor) {
  const row = await db().user.findUnique({
    where: { id: actor.id },
    select: { name: true, email: true, role: true, isAdmin: true, lastSignInAt: true, organisation: { select: { name: true } } },
  });
  if (!row) throw notFound("Your account");
  return row;
}

/**
 * Changes the signed-in person's password (the current one is asked for, so an unattended signed-in browser
 * cannot take the account over) and ends all their sessions; the action then starts a new one for this browser.
 */
export const changePassword = defineCommand(changePasswordSchema, async (tx, input, actor) => {
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", INVALID, { currentPassword: ["Your current password is not correct"] });
  }
  assertNewPassword(input, user.email);
  await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  await tx.session.deleteMany({ where: { userId: user.id } });
  await tx.accountToken.deleteMany({ where: { userId: user.id, purpose: "PASSWORD_RESET", usedAt: null } });
  await recordAudit(tx, { entityType: "User", entityId: user.id, action: "changePassword", actor });
  return { id: user.id };
});

/** "Sign out everywhere": every session of the person ends, this browser's too. */
export const signOutEverywhere = defineCommand(z.object({}), async (tx, _input, actor) => {
  const { count } = await tx.session.deleteMany({ where: { userId: actor.id } });
  await recordAudit(tx, { entityType: "User", entityId: actor.id, action: "signOutEverywhere", actor, data: { sessions: count } });
  return { id: actor.id, sessions: count };
});

// ---------------------------------------------------------------------------------------------------------------
// E-mailed links

export type LinkOutcome = { ok: true; user: SessionUser } | { ok: false; state: Exclude<TokenState["state"], "valid"> };

async function setPasswordByLink(
  purpose: AccountTokenPurpose,
  token: string,
  input: { password: string; confirmPassword: string; name?: string },
  now: Date,
): Promise<LinkOutcome> {
  return inTransaction(async (tx) => {
    const found = await useAccountToken(tx, token, purpose, now);
    if (found.state !== "valid") return { ok: false, state: found.state };
    assertNewPassword(input, found.user.email);
    const user = await tx.user.update({
      where: { id: found.user.id },
      data: { passwordHash: await hashPassword(input.password), ...(input.name ? { name: input.name } : {}), lastSignInAt: now },
      select: sessionUserSelect,
    });
    // Whoever had the old password, or a stolen session, is out.
    await tx.session.deleteMany({ where: { userId: user.id } });
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId };
    await recordAudit(
      tx,
      purpose === "INVITATION"
        ? { entityType: "User", entityId: user.id, action: "acceptInvitation", from: "INVITED", to: "ACTIVE", actor }
        : { entityType: "User", entityId: user.id, action: "resetPassword", actor },
    );
    return { ok: true, user: toSessionUser(user) };
  });
}

/** Accepts an invitation: the person gives their name and a password. Nothing is written when the password is refused. */
export function acceptInvitation(input: unknown, now: Date = new Date()) {
  const { token, ...rest } = parseInput(acceptInvitationSchema, input);
  return setPasswordByLink("INVITATION", token, rest, now);
}

/** Sets a new password through a reset link; every session of the person ends. */
export function resetPassword(input: unknown, now: Date = new Date()) {
  const { token, ...rest } = parseInput(resetPasswordSchema, input);
  return setPasswordByLink("PASSWORD_RESET", token, rest, now);
}

// Per address asked about: a few e-mails, then slower and slower, so nobody can flood someone's inbox.
export const RESET_ACCOUNT_POLICY: ThrottlePolicy = { free: 3, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000, decayMs: 20 * 60_000 };
// Per client: room for a shared network, not for trying addresses in bulk.
export const RESET_ADDRESS_POLICY: ThrottlePolicy = { free: 20, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000, decayMs: 5 * 60_000 };

export type ResetRequestOutcome = { ok: true } | { ok: false; throttled: Throttled };

/**
 * "Forgot your password?": when the address belongs to an active person, a reset link valid for an hour is
 * queued for it. The outcome is the same whether or not it does, so the form does not reveal who has an account;
 * only throttling (by address asked about and by client, whoever owns the address) can refuse.
 */
export async function requestPasswordReset(input: unknown, client: string, now: Date = new Date()): Promise<ResetRequestOutcome> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const byClient = await check(`reset:address:${client}`, now);
  if (byClient) return { ok: false, throttled: byClient };
  const account = await hit(`reset:account:${email}`, RESET_ACCOUNT_POLICY, now);
  if (account.refused) return { ok: false, throttled: account.refused };
  const address = await hit(`reset:address:${client}`, RESET_ADDRESS_POLICY, now);
  if (address.refused) return { ok: false, throttled: address.refused };
  await inTransaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, role: true, organisationId: true, active: true },
    });
    if (!user?.active) return;
    await queueResetEmail(tx, user, now);
    await recordAudit(tx, {
      entityType: "User",
      entityId: user.id,
      action: "requestPasswordReset",
      actor: { id: user.id, role: user.role, organisationId: user.organisationId },
    });
  });
  return { ok: true };
}

async function queueResetEmail(tx: Tx, user: { id: string; email: string; name: string }, now: Date) {
  const token = await issueAccountToken(tx, user.id, "PASSWORD_RESET", now);
  await tx.emailOutbox.create({
    data: {
      to: headerValue(user.email),
      subject: "Reset your Advanced Practice Credentials password",
      body: [
        `Dear ${user.name},`,
        `Someone (we hope you) asked to reset the password for this e-mail address. To choose a new password, open this link within 1 hour; it works once:\n${absoluteUrl(`${TOKEN_PATH.PASSWORD_RESET}/${token}`)}`,
        "If you did not ask for this, you can ignore this e-mail: your password has not changed.",
      ].join("\n\n"),
    },
  });
}

/** What an e-mailed link's page shows: whether its token can still be used (read only; using it is the action's). */
export function linkState(token: string, purpose: AccountTokenPurpose): Promise<TokenState> {
  return accountTokenState(db(), token, purpose);
}
