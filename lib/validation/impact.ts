import { z } from "zod";
import {
  academicYear,
  capitalise,
  id,
  ID_PATTERN,
  optionalAcademicYear,
  optionalId,
  optionalText,
  requiredText,
  rows,
  version,
} from "@/lib/validation/common";

// Impact returns (figures per delivery and period) and the Centre's evaluation conclusions.

const count = (what: string) =>
  z.coerce
    .number({ error: `${capitalise(what)} must be a number` })
    .int(`${capitalise(what)} must be a whole number`)
    .min(0, `${capitalise(what)} must be 0 or more`)
    .max(100_000, `${capitalise(what)} must be 100,000 or fewer`);

const requiredCount = (what: string) =>
  z
    .preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), count(what).optional())
    .refine((v) => v !== undefined, `Enter the number ${what}`)
    .transform((v) => v as number);

const blank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * One row of the by-profession table. A row left entirely blank is allowed (the form offers spare rows) and
 * dropped after validation, so error paths keep the row numbers the user sees.
 */
export const CHOOSE_PROFESSION = "Choose a profession from the list";

/** A profession's id from the select; whether it is on the list (and not retired) is checked against the table. */
const professionId = z.string({ error: CHOOSE_PROFESSION }).trim().min(1, CHOOSE_PROFESSION).regex(ID_PATTERN, CHOOSE_PROFESSION);

const professionRow = z
  .object({ professionId: z.unknown(), enrolled: z.unknown(), completed: z.unknown(), deployed: z.unknown() })
  .transform((row, ctx) => {
    if (Object.values(row).every(blank)) return null;
    const parsed = z
      .object({
        professionId,
        enrolled: requiredCount("enrolled"),
        completed: requiredCount("completed"),
        deployed: requiredCount("deployed"),
      })
      .safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    const r = parsed.data;
    if (r.completed > r.enrolled) ctx.addIssue({ code: "custom", path: ["completed"], message: "Completed cannot be more than enrolled" });
    if (r.deployed > r.completed) ctx.addIssue({ code: "custom", path: ["deployed"], message: "Deployed cannot be more than completed" });
    return r;
  });

/** Far more professions than any return has; the bound stops a crafted post with a million rows. */
const MAX_PROFESSION_ROWS = 50;

export type ProfessionFigures = { professionId: string; enrolled: number; completed: number; deployed: number };
export type ProfessionFiguresRow = ProfessionFigures & { row: number };

const impactFields = z.object({
  period: academicYear("the period"),
  enrolled: requiredCount("enrolled"),
  completed: requiredCount("completed"),
  withdrawn: requiredCount("withdrawn"),
  deployed: requiredCount("deployed in advanced-practice roles"),
  professions: rows(professionRow, MAX_PROFESSION_ROWS, `Enter up to ${MAX_PROFESSION_ROWS} professions`).optional().default([]),
  employerFeedback: optionalText(5000),
  patientBenefit: optionalText(5000),
});
type ImpactFields = z.output<typeof impactFields>;

/** The rules that tie the figures together; each failure is reported against the field to correct. */
function checkFigures(r: ImpactFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: path.split("."), message });
  if (r.completed > r.enrolled) issue("completed", "Completed cannot be more than enrolled");
  if (r.withdrawn > r.enrolled) issue("withdrawn", "Withdrawn cannot be more than enrolled");
  else if (r.completed + r.withdrawn > r.enrolled) issue("withdrawn", "Completed and withdrawn together cannot be more than enrolled");
  if (r.deployed > r.completed) issue("deployed", "Deployed cannot be more than completed");
  const rows = r.professions.filter((p): p is ProfessionFigures => p !== null);
  const seen = new Set<string>();
  r.professions.forEach((p, i) => {
    if (p === null) return;
    if (seen.has(p.professionId)) issue(`professions.${i}.professionId`, "Each profession can appear only once");
    seen.add(p.professionId);
  });
  for (const key of ["enrolled", "completed", "deployed"] as const) {
    const sum = rows.reduce((n, p) => n + p[key], 0);
    if (sum > r[key]) issue("professions", `The professions' ${key} figures add up to ${sum}, more than the total ${key} (${r[key]})`);
  }
}

function withFigures<T extends z.ZodRawShape>(shape: T) {
  return impactFields
    .extend(shape)
    .superRefine((r, ctx) => checkFigures(r as ImpactFields, ctx))
    .transform((r) => {
      // Each kept row remembers its place in the form, so a check made later against the list names the right row.
      const professions = (r as ImpactFields).professions.flatMap((p, row): ProfessionFiguresRow[] => (p === null ? [] : [{ ...p, row }]));
      return { ...(r as Omit<typeof r, "professions">), professions };
    });
}

export const impactCreateSchema = withFigures({ planId: id });
export const impactEditSchema = withFigures({ id, version });

export const evaluationSchema = z.object({
  credentialId: optionalId("Choose a credential from the list").transform((v) => v || null),
  period: optionalAcademicYear("the period"),
  conclusion: requiredText("the conclusion"),
  recommendations: optionalText(5000),
});
