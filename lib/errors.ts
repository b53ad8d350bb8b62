/** Domain error codes; every refusal the core can give maps to one of these. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "NOT_ALLOWED"
  | "WRONG_STATE"
  | "GUARD_FAILED"
  | "UNKNOWN_TRANSITION"
  | "STALE_VERSION"
  | "CONFLICT"
  | "UNEXPECTED"
  | "INVALID_INPUT"
  | "TOO_MANY_ATTEMPTS";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const STALE_MESSAGE =
  "This record was changed by someone else while you were working on it. Reload the page to see the latest version, then try again.";

export const DUPLICATE_MESSAGE =
  "This already exists: the same change was just made, perhaps in another tab or by a colleague. Reload the page to see it.";
export const CONCURRENT_MESSAGE = "Someone else made a change at the same moment, so nothing was saved. Try again.";

export const UNEXPECTED_MESSAGE =
  "Sorry, something went wrong and nothing was saved. Try again; if it keeps happening, contact the Centre for Advancing Practice support team.";

export const BODY_TOO_LARGE_MESSAGE =
  "Nothing was saved, because the form sent more than 1 MB. Shorten the longest answers (put detail in a linked document instead), then send it again.";

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
export const stale = () => new AppError("STALE_VERSION", STALE_MESSAGE);
