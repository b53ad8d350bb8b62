import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import type { SessionUser } from "@/lib/auth/types";

export const SESSION_MAX_AGE = 8 * 60 * 60; // one working day

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "Email address", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) =>
        credentials?.email && credentials.password ? authenticate(credentials.email, credentials.password) : null,
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) token.user = user as unknown as SessionUser;
      return token;
    },
    session: async ({ session, token }) => ({ ...session, user: token.user as SessionUser }),
  },
};
