import { FormSelect, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { GroupError } from "./GroupError";

// The fields of an impact return, shared by the new and edit pages (inside an ActionForm).

export type ImpactReturnValues = {
  period: string;
  enrolled: number;
  completed: number;
  withdrawn: number;
  deployed: number;
  employerFeedback: string;
  patientBenefit: string;
  /** A row recorded before the list whose text matched none of it has no professionId, only its legacy text. */
  byProfession: { professionId: string | null; legacyProfession: string | null; enrolled: number; completed: number; deployed: number }[];
};

/** The professions the select offers: the list's active ones, and any retired one the return already has. */
export type ProfessionChoice = { id: string; name: string };

const TOTALS = [
  { name: "enrolled", label: "Enrolled", hint: "Learners who started in this period." },
  { name: "completed", label: "Completed", hint: "Learners who completed the credential." },
  { name: "withdrawn", label: "Withdrawn", hint: "Learners who left without completing." },
  { name: "deployed", label: "Deployed in advanced-practice roles", hint: "Completers now working in an advanced-practice role." },
] as const;

const ROW_FIELDS = [
  { key: "enrolled", label: "Enrolled" },
  { key: "completed", label: "Completed" },
  { key: "deployed", label: "Deployed" },
] as const;

/** Blank rows offered beyond those already filled in; rows left blank are ignored. */
const SPARE_ROWS = 3;

const rowCount = (values?: ImpactReturnValues) => Math.max(5, (values?.byProfession.length ?? 0) + SPARE_ROWS);

/** Error-summary labels, so "Enter the profession" says which row. */
/** The return's free-text answers, with the labels an error summary names them by. */
const TEXTS = [
  { name: "employerFeedback", label: "Employer feedback", hint: "What employers say about the learners and completers." },
  { name: "patientBenefit", label: "Benefit to patients", hint: "Evidence of the difference made for patients and services." },
] as const;

export function impactFieldLabels(values?: ImpactReturnValues): Record<string, string> {
  const labels: Record<string, string> = { period: "Period", professions: "Figures by profession" };
  for (const t of [...TOTALS, ...TEXTS]) labels[t.name] = t.label;
  for (let i = 0; i < rowCount(values); i++) {
    labels[`professions.${i}.professionId`] = `Row ${i + 1} profession`;
    for (const f of ROW_FIELDS) labels[`professions.${i}.${f.key}`] = `Row ${i + 1} ${f.label.toLowerCase()}`;
  }
  return labels;
}

export function ImpactReturnFields({ values, professions }: { values?: ImpactReturnValues; professions: ProfessionChoice[] }) {
  const options = professions.map((p) => ({ value: p.id, label: p.name }));
  const rows = Array.from({ length: rowCount(values) }, (_, i) => values?.byProfession[i]);
  return (
    <>
      <FormTextInput
        name="period"
        label="Period"
        hint="The academic year, for example 2026/27."
        defaultValue={values?.period}
        className="md:w-40"
      />
      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">Learners</legend>
        <div className="grid gap-x-6 md:grid-cols-2">
          {TOTALS.map((t) => (
            <FormTextInput
              key={t.name}
              name={t.name}
              label={t.label}
              hint={t.hint}
              inputMode="numeric"
              defaultValue={values?.[t.name]}
              className="md:w-32"
            />
          ))}
        </div>
      </fieldset>
      {/* The error summary links to #professions for errors about the rows together (sums, duplicates). */}
      <fieldset id="professions" tabIndex={-1} className="mb-6" aria-describedby="professions-hint">
        <legend className="mb-2 text-2xl font-bold">Figures by profession</legend>
        <p id="professions-hint" className="text-nhs-secondary">
          One row per profession, chosen from the Centre&apos;s list. Each column must add up to no more than the totals above. Leave spare
          rows blank.
        </p>
        <GroupError name="professions" />
        {rows.map((row, i) => (
          <fieldset key={i} className="mb-2 grid gap-x-4 border-b border-nhs-grey-4 md:grid-cols-4">
            <legend className="sr-only">Row {i + 1}</legend>
            <FormSelect
              name={`professions.${i}.professionId`}
              label={`Row ${i + 1} profession`}
              hint={
                row?.legacyProfession
                  ? `Recorded as “${row.legacyProfession}”, which is not on the list: choose its profession.`
                  : undefined
              }
              placeholder="Choose a profession"
              options={options}
              defaultValue={row?.professionId ?? undefined}
            />
            {ROW_FIELDS.map((f) => (
              <FormTextInput
                key={f.key}
                name={`professions.${i}.${f.key}`}
                label={`Row ${i + 1} ${f.label.toLowerCase()}`}
                inputMode="numeric"
                defaultValue={row?.[f.key]}
              />
            ))}
          </fieldset>
        ))}
      </fieldset>
      {TEXTS.map((t) => (
        <FormTextArea key={t.name} name={t.name} label={t.label} hint={t.hint} defaultValue={values?.[t.name]} rows={4} />
      ))}
    </>
  );
}
