import { z } from "zod";
import { hasControlCharacters, id, reasonField, requiredChoice, requiredLine } from "@/lib/validation/common";

// Invitations, people, organisations and passwords. The password rules themselves (length, the list of common
// passwords) are checked on the server by lib/auth/password-policy.ts, which reads the list from disk.

const ROLES = ["CENTRE_STAFF", "EXPERT", "PROVIDER", "REVIEWER"] as const;
const KINDS = ["CENTRE", "EXPERT_GROUP", "EDUCATION_PROVIDER", "OTHER"] as const;

export const emailField = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.com"));

/** Bounded before hashing, so a megabyte of "password" costs nothing; the policy then gives the real rules. */
const password = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .min(1, `Enter ${what}`)
    .max(1000, "Your password must be 200 characters or fewer")
    .refine((v) => !hasControlCharacters(v, false), "Your password must not contain control characters");

/** The record's `updatedAt` as the form rendered it: a later change by someone else makes the form stale. */
export const seenAt = z.iso.datetime({ error: "Missing version" });

const role = z.enum(ROLES, { error: "Choose a role" });
/** A yes/no radio: only "yes" means yes. */
const yesNo = z.preprocess((v) => [v].flat().includes("yes"), z.boolean());

export const organisationCreateSchema = z.object({
  name: requiredLine("the organisation's name", 200),
  kind: z.enum(KINDS, { error: "Choose what kind of organisation it is" }),
});
export const organisationRenameSchema = z.object({ id, seenAt, name: requiredLine("the organisation's name", 200) });

export const inviteSchema = z.object({
  email: emailField,
  name: requiredLine("their full name", 200),
  role,
  organisationId: requiredChoice("their organisation"),
  isAdmin: yesNo,
});

export const personChangeSchema = z.object({ id, seenAt, role, organisationId: requiredChoice("their organisation"), isAdmin: yesNo });
export const personStatusSchema = z.object({ id, seenAt });
export const deactivatePersonSchema = personStatusSchema.extend({ reason: reasonField("deactivating the account") });
export const personSchema = z.object({ id });

export const newPasswordFields = {
  password: password("a new password"),
  confirmPassword: z
    .string()
    .max(1000)
    .refine((v) => !hasControlCharacters(v, false), "The passwords do not match")
    .optional()
    .default(""),
};

export const changePasswordSchema = z.object({ currentPassword: password("your current password"), ...newPasswordFields });

const token = z
  .string()
  .max(100)
  .refine((v) => !hasControlCharacters(v, false));

export const acceptInvitationSchema = z.object({ token, name: requiredLine("your full name", 200), ...newPasswordFields });
export const resetPasswordSchema = z.object({ token, ...newPasswordFields });
export const forgotPasswordSchema = z.object({ email: emailField });
