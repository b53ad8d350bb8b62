import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { sessionUserSelect, toSessionUser } from "@/lib/auth/session-store";
import type { SessionUser } from "@/lib/auth/types";

/** E-mail + password → the user, or null. Never says which part was wrong. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...sessionUserSelect, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.active) return null;
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return toSessionUser(user);
}
