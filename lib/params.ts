import { notFound } from "next/navigation";
import { z } from "zod";
import { hasControlCharacters, ID_PATTERN, MAX_INT4 } from "@/lib/validation/common";

// Route segments and search params are typed by anyone. Each parser returns undefined for anything malformed, so a
// page answers 404 (`orNotFound`) before the value reaches a query: PostgreSQL refuses NUL in text and numbers beyond
// int4, and a search param used as an object key could otherwise reach `__proto__`.

const parsed = <T>(schema: z.ZodType<T>, raw: unknown): T | undefined => {
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
};

const recordId = z.string().regex(ID_PATTERN);
/** A credential reference such as APC-0001. */
const credentialReference = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);
const positiveInt = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_INT4);

/** A record id (cuid or uuid) from a route segment or search param. */
export const routeId = (raw: unknown) => parsed(recordId, raw);

export const routeReference = (raw: unknown) => parsed(credentialReference, raw);

/** A positive whole number that fits PostgreSQL's int4, e.g. a specification version number. */
export const routeNumber = (raw: unknown) => parsed(positiveInt, raw);

/** One of a fixed set of values; a repeated param (an array) is not one. */
export function enumParam<T extends string>(values: readonly T[], raw: unknown): T | undefined {
  return parsed(z.enum(values), raw);
}

/**
 * Text typed into a search box: "" when absent, trimmed and cut to `max` characters, or undefined when it cannot be
 * searched for (a control character such as NUL, or a repeated param).
 */
export function searchText(raw: unknown, max = 200): string | undefined {
  if (raw === undefined) return "";
  if (typeof raw !== "string" || hasControlCharacters(raw, false)) return undefined;
  return raw.trim().slice(0, max);
}

/** The value, or the not-found page when the URL held something malformed. */
export function orNotFound<T>(value: T | undefined): T {
  if (value === undefined) notFound();
  return value;
}
