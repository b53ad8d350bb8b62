// People's accounts: the three states an account is in, and which organisations each role belongs to. Pure.
import type { Role } from "./types";

export const ACCOUNT_STATUSES = ["ACTIVE", "INVITED", "DEACTIVATED"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  ACTIVE: "Active",
  INVITED: "Invited",
  DEACTIVATED: "Deactivated",
};

/** Invited people have no password until they follow their invitation link; deactivated ones cannot sign in. */
export function accountStatus(user: { active: boolean; passwordHash?: string | null; hasPassword?: boolean }): AccountStatus {
  if (!user.active) return "DEACTIVATED";
  const hasPassword = user.hasPassword ?? Boolean(user.passwordHash);
  return hasPassword ? "ACTIVE" : "INVITED";
}

export type OrganisationKind = "CENTRE" | "EXPERT_GROUP" | "EDUCATION_PROVIDER" | "OTHER";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  CENTRE: "Centre",
  EXPERT_GROUP: "Expert group",
  EDUCATION_PROVIDER: "Education provider",
  OTHER: "Reviewer body or other",
};

/**
 * The kinds of organisation a role's people belong to. Reviewers may come from anywhere (the conflict-of-interest
 * checks compare their organisation with the record's); everyone else works for one kind.
 */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  CENTRE_STAFF: ["CENTRE"],
  EXPERT: ["EXPERT_GROUP"],
  PROVIDER: ["EDUCATION_PROVIDER"],
  REVIEWER: ["CENTRE", "EXPERT_GROUP", "EDUCATION_PROVIDER", "OTHER"],
};

/**
 * Why a change would leave the service without an active Centre admin, or null. `remaining` counts the active
 * admins other than the person changed; the change keeps them an active admin or not.
 */
export function lastAdminProblem(remaining: number, staysActiveAdmin: boolean): string | null {
  return remaining === 0 && !staysActiveAdmin
    ? "This is the last active Centre admin. Make someone else an admin first, so the service always has one."
    : null;
}
