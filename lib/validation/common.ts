import { z } from "zod";

/** Required text with the NHS-style message "Enter …". */
export const requiredText = (what: string, max = 5000) =>
  z.string({ error: `Enter ${what}` }).trim().min(1, `Enter ${what}`).max(max, `${capitalise(what)} must be ${max} characters or fewer`);

export const optionalText = (max = 5000) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().default("");

/** A select or radio answer that must be given: "Choose the expert group". */
export const requiredChoice = (what: string) => z.string({ error: `Choose ${what}` }).min(1, `Choose ${what}`);

export const id = z.string({ error: "Missing record id" }).min(1, "Missing record id");

/** The version the form was rendered with, for the optimistic-lock check. */
export const version = z.coerce.number({ error: "Missing version" }).int().positive("Missing version");

export const requiredDate = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${capitalise(what)} must be a real date`)
    .transform((v) => new Date(v));

export const optionalInt = (what: string, min = 0, max = 1_000_000) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? undefined : v),
    z.coerce
      .number({ error: `${capitalise(what)} must be a number` })
      .int(`${capitalise(what)} must be a whole number`)
      .min(min, `${capitalise(what)} must be ${min} or more`)
      .max(max, `${capitalise(what)} must be ${max} or fewer`)
      .optional(),
  );

/** A list typed one item per line (or sent as repeated fields). */
export const lines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/\r?\n|,/)).map((s) => s.trim()).filter(Boolean));

/** One item per line; unlike `lines`, commas stay inside an item (conditions are sentences). */
export const onePerLine = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(/\r?\n/).map((s) => s.trim()).filter(Boolean));

export const reasonField = (purpose: string) => requiredText(`a reason for ${purpose}`, 2000);

export function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
