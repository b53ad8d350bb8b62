import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

/** How long an e-mailed link works: a week to accept an invitation, an hour to reset a password. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

/** Where each kind of link leads; the token is the last part of the path. */
export const TOKEN_PATH: Record<AccountTokenPurpose, string> = {
  INVITATION: "/invitations",
  PASSWORD_RESET: "/reset-password",
};

export const hashAccountToken = (token: string) => createHash("sha256").update(token).digest("hex");

// base64url of 32 bytes; anything else in the URL cannot be a token and is not looked up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new single-use link token for the user (returned once, to be e-mailed; only its hash is stored). Earlier
 * unused tokens of the same purpose are withdrawn, so only the latest e-mail's link works.
 */
export async function issueAccountToken(tx: Tx, userId: string, purpose: AccountTokenPurpose, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.accountToken.create({
    data: {
      userId,
      purpose,
      tokenHash: hashAccountToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    },
  });
  return token;
}

export type TokenState =
  | {
      state: "valid";
      id: string;
      user: {
        id: string;
        email: string;
        name: string;
        role: "CENTRE_STAFF" | "EXPERT" | "PROVIDER" | "REVIEWER";
        organisationId: string | null;
        active: boolean;
      };
    }
  | { state: "unknown" | "used" | "expired" };

/** What a link's token is worth at `now`: usable (with its person), or why not. Reads only. */
export async function accountTokenState(tx: Tx, token: string, purpose: AccountTokenPurpose, now: Date = new Date()): Promise<TokenState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const row = await tx.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, organisationId: true, active: true } },
    },
  });
  if (!row || row.purpose !== purpose) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (!row.user.active) return { state: "unknown" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", id: row.id, user: row.user };
}

/**
 * Uses a link's token once: marks it used with a conditional update, so of two concurrent uses exactly one
 * succeeds. Returns the token's state before this use; only "valid" means this caller may go on.
 */
export async function useAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose, now: Date = new Date()): Promise<TokenState> {
  const found = await accountTokenState(tx, token, purpose, now);
  if (found.state !== "valid") return found;
  const { count } = await tx.accountToken.updateMany({
    where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? found : { state: "used" };
}
