import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ABSOLUTE_TIMEOUT_MS, createSession, deleteSession, endAllSessions, userForSession } from "@/lib/auth/session-store";
import type { SessionUser } from "@/lib/auth/types";
import { appUrl } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type { SessionUser };
export { endAllSessions };

const secureCookies = () => appUrl().startsWith("https://");
// `__Host-` makes the browser refuse the cookie unless it is Secure, for this host only and for every path.
export const sessionCookieName = () => (secureCookies() ? "__Host-apc-session" : "apc-session");

/** The signed-in user, or null. Read from the database once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? userForSession(token) : null;
});

/** For pages: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages: a user with one of the roles, otherwise a redirect to their dashboard. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) redirect("/dashboard");
  return user;
}

/** For pages: a Centre admin, otherwise a redirect to their dashboard. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isAdmin) redirect("/dashboard");
  return user;
}

/** For actions: the signed-in user, or an UNAUTHENTICATED error the action turns into a result. */
export async function actingUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return user;
}

/** Starts a new session for an authenticated user, replacing any session this browser had. */
export async function startSession(user: Pick<SessionUser, "id">) {
  const jar = await cookies();
  const previous = jar.get(sessionCookieName())?.value;
  if (previous) await deleteSession(previous);
  const { token } = await createSession(user.id);
  jar.set(sessionCookieName(), token, cookieOptions(ABSOLUTE_TIMEOUT_MS / 1000));
}

/** Signs out: the session is deleted on the server, so a copy of the cookie no longer works. */
export async function endSession() {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token) await deleteSession(token);
  // Cleared with the same attributes it was set with: a `__Host-` cookie cannot be replaced without Secure.
  jar.set(sessionCookieName(), "", cookieOptions(0));
}

const cookieOptions = (maxAge: number) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge });
