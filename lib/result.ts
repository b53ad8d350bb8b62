import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** What every server action returns (used with React's useActionState). */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: FormValues };

export type FormValues = Record<string, string | string[]>;

export const ok = <T>(data?: T, message?: string): ActionResult<T> => ({ ok: true, data, message });

/** The first error for a field, for rendering next to it. */
export function fieldError(result: ActionResult | null | undefined, field: string): string | undefined {
  return result && !result.ok ? result.fieldErrors?.[field]?.[0] : undefined;
}

/** What the user typed, so a form can be re-rendered with it after an error. */
export function submitted(result: ActionResult | null | undefined, field: string): string | undefined {
  if (!result || result.ok || !result.values) return undefined;
  const v = result.values[field];
  return Array.isArray(v) ? v.join("\n") : v;
}
