import { FormTextInput } from "@/components/forms/Fields";
import { Table, VisuallyHidden } from "@/components/ui";
import { FIGURE_FIELDS, FIGURE_LABELS, MAX_LEARNERS, type FigureField } from "@/lib/validation/annual-return-figures";

type Profession = { id: string; name: string };
type Figures = Record<FigureField, number> & { professionId: string; profession?: { name: string } };

export const FIGURES_HINT =
  "Started: learners who began this year. Continuing: learners still on the programme at the year's end. Completed and withdrew: learners who finished or left this year. Completed, withdrew and continuing together cannot be more than those who started this year plus those continuing from last year's return.";

/** The form's hidden profession ids and the error summary's names for each figure, by field name. */
export function figuresFormParts(professions: readonly Profession[]) {
  const hidden: Record<string, string> = {};
  const labels: Record<string, string> = {};
  professions.forEach((p, i) => {
    hidden[`figures.${i}.professionId`] = p.id;
    for (const f of FIGURE_FIELDS) labels[`figures.${i}.${f}`] = `${p.name}: ${FIGURE_LABELS[f].toLowerCase()}`;
  });
  return { hidden, labels };
}

/** One row of four whole numbers per profession; a profession left wholly blank had no learners this year. */
export function FiguresFields({ professions, values }: { professions: readonly Profession[]; values: readonly Figures[] }) {
  const byProfession = new Map(values.map((v) => [v.professionId, v]));
  return (
    <Table
      caption="Learners by profession"
      rowHeader="profession"
      columns={[{ key: "profession", header: "Profession" }, ...FIGURE_FIELDS.map((f) => ({ key: f, header: FIGURE_LABELS[f] }))]}
      rows={professions.map((p, i) => ({
        profession: p.name,
        ...Object.fromEntries(
          FIGURE_FIELDS.map((f) => [
            f,
            <FormTextInput
              key={f}
              name={`figures.${i}.${f}`}
              label={<VisuallyHidden>{`${p.name}: ${FIGURE_LABELS[f].toLowerCase()}`}</VisuallyHidden>}
              inputMode="numeric"
              autoComplete="off"
              maxLength={String(MAX_LEARNERS).length}
              className="w-24"
              defaultValue={byProfession.get(p.id)?.[f]}
            />,
          ]),
        ),
      }))}
    />
  );
}

/** The figures as submitted, for reading. */
export function FiguresTable({ figures }: { figures: readonly Figures[] }) {
  return (
    <Table
      caption="Learners by profession"
      rowHeader="profession"
      columns={[
        { key: "profession", header: "Profession" },
        ...FIGURE_FIELDS.map((f) => ({ key: f, header: FIGURE_LABELS[f], align: "right" as const })),
      ]}
      rows={figures.map((f) => ({ profession: f.profession?.name ?? "", ...Object.fromEntries(FIGURE_FIELDS.map((k) => [k, f[k]])) }))}
      empty="No figures given."
    />
  );
}
