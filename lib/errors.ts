/** Domain error codes; every refusal the core can give maps to one of these. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "NOT_ALLOWED"
  | "WRONG_STATE"
  | "GUARD_FAILED"
  | "UNKNOWN_TRANSITION"
  | "STALE_VERSION"
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

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
export const stale = () => new AppError("STALE_VERSION", STALE_MESSAGE);
