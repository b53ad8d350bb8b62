import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/types";

/** E-mail + password → the user, or null. Never says which part was wrong. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true, email: true, name: true, role: true, isAdmin: true, active: true, passwordHash: true,
      organisationId: true, organisation: { select: { name: true } },
    },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.active) return null;
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
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
