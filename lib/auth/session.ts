import "server-only";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions, SESSION_MAX_AGE } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type { SessionUser };

const secureCookies = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/** The signed-in user, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as SessionUser | undefined) ?? null;
}

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

/** For actions: the signed-in user, or an UNAUTHENTICATED error the action turns into a result. */
export async function actingUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return user;
}

/** Starts a next-auth session (a signed JWT in the session cookie) for an authenticated user. */
export async function startSession(user: SessionUser) {
  const token = await encode({ token: { sub: user.id, user, name: user.name, email: user.email }, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE,
  });
}

export async function endSession() {
  (await cookies()).delete(sessionCookieName());
}

function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}
