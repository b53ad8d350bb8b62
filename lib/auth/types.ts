import type { Role } from "@/lib/generated/prisma/enums";

/** What the session carries about the signed-in user. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isAdmin: boolean;
  organisationId: string | null;
  organisationName: string | null;
};
