import { z } from "zod";
import { DATE_PARTS, type DateParts } from "./date-parts";

// Every string and list a form can send is bounded here, and no text reaches the database with a control character:
// PostgreSQL refuses NUL in text (a 500 instead of a field error), and other C0 controls are never typed by people.

/** C0 controls and DEL, except tab, line feed and carriage return, which a multi-line answer may contain. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Every C0 control and DEL: identifiers, choices and single-line answers have no line breaks or tabs. */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;

export const hasControlCharacters = (v: string, multiline = true) => (multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(v);

const text = (what: string | undefined, max: number, multiline: boolean) => {
  const subject = what ? capitalise(what) : "Text";
  return z
    .string({ error: what ? `Enter ${what}` : "Enter text" })
    .trim()
    .max(max, `${subject} must be ${max} characters or fewer`)
    .refine((v) => !hasControlCharacters(v, multiline), `${subject} must not contain control characters`);
};

/** Required text with the NHS-style message "Enter …". Line breaks allowed. */
export const requiredText = (what: string, max = 5000) => text(what, max, true).min(1, `Enter ${what}`);

/** Required single-line text (a title, a name): no line breaks or tabs. */
export const requiredLine = (what: string, max = 200) => text(what, max, false).min(1, `Enter ${what}`);

export const optionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .refine((v) => !hasControlCharacters(v), "Must not contain control characters")
    .optional()
    .default("");

/** A select or radio answer that must be given: "Choose the expert group". */
export const requiredChoice = (what: string) =>
  z
    .string({ error: `Choose ${what}` })
    .min(1, `Choose ${what}`)
    .max(100, `Choose ${what}`)
    .refine((v) => !hasControlCharacters(v, false), `Choose ${what}`);

/** The shape of every record id (cuid, uuid) and other short identifiers the app writes into forms and URLs. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const id = z.string({ error: "Missing record id" }).min(1, "Missing record id").regex(ID_PATTERN, "Missing record id");

/** An optional id, e.g. a select whose blank option means "none": blank becomes "". */
export const optionalId = (message: string) =>
  z
    .string()
    .max(64, message)
    .trim()
    .refine((v) => v === "" || ID_PATTERN.test(v), message)
    .optional()
    .default("");

/** PostgreSQL's int4: a larger number from a form must be a field error, not an overflow in the query. */
export const MAX_INT4 = 2_147_483_647;

/** The version the form was rendered with, for the optimistic-lock check. */
export const version = z.coerce
  .number({ error: "Missing version" })
  .int("Missing version")
  .positive("Missing version")
  .max(MAX_INT4, "Missing version");

/** The earliest and latest years a date in this service can fall in; beyond them a date is a typing mistake. */
export const DATE_RANGE = { from: 1900, to: 2100 } as const;
const RANGE_TEXT = `1 January ${DATE_RANGE.from} and 31 December ${DATE_RANGE.to}`;

/**
 * "YYYY-MM-DD" (what `<input type="date">` sends) as the UTC midnight of that calendar day, or undefined if the day
 * does not exist. `Date.parse` would accept "2026-02-31" as 3 March, and "+275760-09-13" as a date no page can show.
 */
export function calendarDate(v: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

const toDate = (what: string, v: string, ctx: z.RefinementCtx) => {
  const subject = capitalise(what);
  const date = calendarDate(v);
  if (!date) {
    ctx.addIssue({ code: "custom", message: `${subject} must be a real date` });
    return z.NEVER;
  }
  if (date.getUTCFullYear() < DATE_RANGE.from || date.getUTCFullYear() > DATE_RANGE.to) {
    ctx.addIssue({ code: "custom", message: `${subject} must be between ${RANGE_TEXT}` });
    return z.NEVER;
  }
  return date;
};

export { DATE_PARTS, type DateParts };

const datePart = z.string().max(20).optional().default("");
/**
 * A date as a form sends it — Day, Month and Year fields named `<name>.day`, `<name>.month` and `<name>.year`, which
 * lib/form.ts nests into one object — or as "YYYY-MM-DD" from any other caller.
 */
const dateFields = (what: string) =>
  z
    .union([z.string().max(40), z.object({ day: datePart, month: datePart, year: datePart })], {
      error: `${capitalise(what)} must be a real date`,
    })
    .optional();

const joinWords = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]);

/** The date typed, "" when nothing was, or undefined (with the issue added) when some of its fields are missing or not numbers. */
function isoDate(what: string, input: string | Partial<DateParts> | undefined, ctx: z.RefinementCtx): string | undefined {
  if (input === undefined || typeof input === "string") return (input ?? "").trim();
  const parts = Object.fromEntries(DATE_PARTS.map((k) => [k, (input[k] ?? "").trim()])) as DateParts;
  const missing = DATE_PARTS.filter((k) => parts[k] === "");
  if (missing.length === DATE_PARTS.length) return "";
  if (missing.length > 0) {
    ctx.addIssue({ code: "custom", message: `${capitalise(what)} must include a ${joinWords(missing)}` });
    return undefined;
  }
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
    ctx.addIssue({ code: "custom", message: `${capitalise(what)} must be a real date` });
    return undefined;
  }
  return `${parts.year}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
}

/** A date that must be given, as the UTC midnight of that calendar day: "Enter the start date" when it is not. */
export const requiredDate = (what: string) =>
  dateFields(what).transform((input, ctx) => {
    const iso = isoDate(what, input, ctx);
    if (iso === undefined) return z.NEVER;
    if (iso === "") {
      ctx.addIssue({ code: "custom", message: `Enter ${what}` });
      return z.NEVER;
    }
    return toDate(what, iso, ctx);
  });

/** A blank date is allowed (in a draft) and clears the stored one. */
export const optionalDate = (what: string) =>
  dateFields(what).transform((input, ctx) => {
    const iso = isoDate(what, input, ctx);
    if (iso === undefined) return z.NEVER;
    return iso === "" ? null : toDate(what, iso, ctx);
  });

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

/** The most items a typed or repeated list may hold. */
export const MAX_LIST_ITEMS = 100;

/** Checks the items of a list as one field, so the message shows by the field the user typed the list in. */
const boundedItems = (maxItem: number) => (items: string[], ctx: z.RefinementCtx) => {
  if (items.length > MAX_LIST_ITEMS) ctx.addIssue({ code: "custom", message: `Enter ${MAX_LIST_ITEMS} items or fewer` });
  else if (items.some((s) => s.length > maxItem))
    ctx.addIssue({ code: "custom", message: `Each item must be ${maxItem} characters or fewer` });
  else if (items.some((s) => hasControlCharacters(s, false)))
    ctx.addIssue({ code: "custom", message: "Items must not contain control characters" });
  return items;
};
const MAX_LIST_TEXT = 20_000;
const listText = z.string().max(MAX_LIST_TEXT, `The list must be ${MAX_LIST_TEXT} characters or fewer`);

/** A list typed one item per line (or sent as repeated fields). */
export const lines = z
  .union([listText, z.array(z.string()).max(MAX_LIST_ITEMS)], {
    error: (issue) =>
      Array.isArray(issue.input) && issue.input.length > MAX_LIST_ITEMS
        ? `Enter ${MAX_LIST_ITEMS} items or fewer`
        : "Enter the list as text, one item per line",
  })
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/\r?\n|,/)).map((s) => s.trim()).filter(Boolean))
  .transform(boundedItems(500));

/** One item per line; unlike `lines`, commas stay inside an item (conditions are sentences). */
export const onePerLine = listText
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .transform(boundedItems(2000));

/** Repeated rows of a form (outcome mappings, ratings): bounded so a crafted post cannot send a million. */
export const rows = <T extends z.ZodType>(row: T, max: number, message = `There can be up to ${max} rows`) =>
  z.array(row).max(max, message);

export const reasonField = (purpose: string) => requiredText(`a reason for ${purpose}`, 2000);

export function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Every form that makes one transition on one record: which record, at which version, and an optional reason. */
export const transitionSchema = z.object({ id, version, reason: optionalText(2000) });
/** A transition that must say why (closing, declining, querying…). */
export const reasonedTransitionSchema = (purpose: string) =>
  z.object({ id, version, reason: requiredText(`a reason for ${purpose}`, 2000) });

/** The first academic year a period may name; credentials began long after it. */
export const FIRST_ACADEMIC_YEAR = 2000;

const yearPair = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;

/**
 * What is wrong with an academic year written like "2025/26", or null: the second part must be the year after the
 * first, and the year must lie between FIRST_ACADEMIC_YEAR and next year (figures are reported for delivery that has
 * started).
 */
function academicYearProblem(value: string, what: string): string | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(value);
  if (!match) return `Enter ${what} like 2025/26`;
  const start = Number(match[1]);
  if (Number(match[2]) !== (start + 1) % 100) return `${capitalise(what)} must be one academic year, like ${yearPair(start)}`;
  const last = new Date().getUTCFullYear() + 1;
  if (start < FIRST_ACADEMIC_YEAR || start > last)
    return `${capitalise(what)} must be between ${yearPair(FIRST_ACADEMIC_YEAR)} and ${yearPair(last)}`;
  return null;
}

const checkAcademicYear = (what: string) => (value: string, ctx: z.RefinementCtx) => {
  const problem = value ? academicYearProblem(value, what) : null;
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A required academic year, like "2025/26". */
export const academicYear = (what: string) => requiredLine(what, 20).superRefine(checkAcademicYear(what));

/** An academic year that may be left blank (null). */
export const optionalAcademicYear = (what: string) =>
  optionalText(20)
    .superRefine(checkAcademicYear(what))
    .transform((v) => v || null);
