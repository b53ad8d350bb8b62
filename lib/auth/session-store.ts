import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";

import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "@/lib/auth/session-policy";

export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS };
// Moving lastSeenAt on every request would make every page view a write; a minute's
// resolution is plenty for a 30-minute idle timeout.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** What a session needs to know about its user, read fresh on every request. */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isAdmin: true,
  active: true,
  organisationId: true,
  organisation: { select: { name: true } },
} as const;

export function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  isAdmin: boolean;
  organisationId: string | null;
  organisation: { name: string } | null;
}): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isAdmin: user.isAdmin,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session for the user; returns the token for the cookie (only its hash is stored). */
export async function createSession(userId: string, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  await db().session.create({ data: { tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { token, expiresAt };
}

/**
 * The user a session token belongs to, or null when the token is unknown, the session has
 * expired (idle or absolute) or the user is deactivated. Role and organisation come from the
 * user's row now, not from sign-in time, so changes apply on the next request.
 */
export async function userForSession(token: string, now: Date = new Date()): Promise<SessionUser | null> {
  const session = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, lastSeenAt: true, expiresAt: true, user: { select: sessionUserSelect } },
  });
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= IDLE_TIMEOUT_MS || !session.user.active) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional on the value read, so concurrent requests write it once.
    await db().session.updateMany({ where: { id: session.id, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return toSessionUser(session.user);
}

/** Ends the session a token belongs to (sign-out). */
export async function deleteSession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends every session of a user ("sign out everywhere", a password change, deactivation). */
export async function endAllSessions(userId: string): Promise<number> {
  return (await db().session.deleteMany({ where: { userId } })).count;
}
