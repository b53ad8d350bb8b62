import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { id, MAX_LIST_ITEMS, optionalInt } from "@/lib/validation/common";

// The learner figures of an annual return, by profession. A profession the provider leaves wholly blank is not part
// of the return (it had no learners of it); a row partly filled, or one that accounts for more learners than it had,
// is refused by the field it came from.

/** More learners than this of one profession on one programme in a year is a typing mistake. */
export const MAX_LEARNERS = 10_000;

export const FIGURE_FIELDS = ["starts", "continuing", "completions", "withdrawals"] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export const FIGURE_LABELS: Record<FigureField, string> = {
  starts: "Started",
  continuing: "Continuing",
  completions: "Completed",
  withdrawals: "Withdrew",
};

const figure = (what: string) => optionalInt(what, 0, MAX_LEARNERS);

export const figuresSchema = z
  .array(
    z.object({
      professionId: id,
      starts: figure("the number who started"),
      continuing: figure("the number continuing"),
      completions: figure("the number who completed"),
      withdrawals: figure("the number who withdrew"),
    }),
    { error: "Give the figures by profession" },
  )
  .max(MAX_LIST_ITEMS, "Give the figures by profession")
  .optional()
  .default([]);

/** The share of responding learners satisfied or very satisfied with the programme, as a whole percentage. */
export const learnerSatisfactionSchema = optionalInt("learner satisfaction", 0, 100);

export type FiguresInput = z.output<typeof figuresSchema>[number];
export type Figures = Record<FigureField, number> & { professionId: string };

/**
 * The rows the return keeps, and the field errors of the others. Every learner a row had — this year's starts and
 * those continuing from the previous year's return (none when there was no return) — can be counted once at most:
 * completed, withdrawn or continuing into next year.
 */
export function checkFigures(rows: readonly FiguresInput[], previousContinuing: ReadonlyMap<string, number>) {
  const errors: FieldErrors = {};
  const figures: Figures[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const given = FIGURE_FIELDS.filter((f) => row[f] !== undefined);
    if (given.length === 0) return;
    if (given.length < FIGURE_FIELDS.length) {
      for (const f of FIGURE_FIELDS.filter((f) => row[f] === undefined)) {
        errors[`figures.${i}.${f}`] = ["Enter a number, 0 if none, or leave the whole profession blank"];
      }
      return;
    }
    if (seen.has(row.professionId)) {
      errors[`figures.${i}.starts`] = ["Give each profession's figures once"];
      return;
    }
    seen.add(row.professionId);
    const f = row as Figures;
    const had = f.starts + (previousContinuing.get(f.professionId) ?? 0);
    const accounted = f.completions + f.withdrawals + f.continuing;
    if (accounted > had) {
      errors[`figures.${i}.completions`] = [
        `Completed, withdrew and continuing add up to ${accounted}, more than the ${had} who started this year or continued from last year`,
      ];
      return;
    }
    figures.push({
      professionId: f.professionId,
      starts: f.starts,
      continuing: f.continuing,
      completions: f.completions,
      withdrawals: f.withdrawals,
    });
  });
  return { figures, errors };
}
