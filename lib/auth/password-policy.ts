import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;

/** The bundled list of common and breached passwords (lib/auth/common-passwords.txt), lower-cased. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

/**
 * Why a new password is refused, or null when it may be used. Length rather than character classes (NCSC and
 * NIST advice): long passphrases are strong, and a list of known passwords catches the ones attackers try first.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.trim())) {
    return "This password is too common and easy to guess. Choose a different one, such as three or four random words";
  }
  if (email && lower === email.trim().toLowerCase()) return "Your password must not be your email address";
  return null;
}
