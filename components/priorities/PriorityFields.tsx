import { FormTextArea, FormTextInput } from "@/components/forms/Fields";

type Values = {
  title?: string;
  workforceNeed?: string;
  populationNeed?: string;
  longTermPlanLink?: string;
  professions?: string[];
  estimatedScale?: number | null;
};

const LABELS = {
  title: "Title",
  workforceNeed: "Workforce need",
  populationNeed: "Population or patient need",
  longTermPlanLink: "Link to the NHS Long Term Plan",
  professions: "Professions in scope",
  estimatedScale: "Estimated scale",
};

/** The fields of a priority, shared by "Add a priority" and "Edit priority". */
export function PriorityFields({ values = {} }: { values?: Values }) {
  const L = LABELS;
  return (
    <>
      <FormTextInput name="title" label={L.title} defaultValue={values.title} />
      <FormTextArea
        name="workforceNeed"
        label={L.workforceNeed}
        hint="The workforce development need, and why it is high priority."
        defaultValue={values.workforceNeed}
      />
      <FormTextArea name="populationNeed" label={L.populationNeed} defaultValue={values.populationNeed} />
      <FormTextArea name="longTermPlanLink" label={L.longTermPlanLink} rows={3} defaultValue={values.longTermPlanLink} />
      <FormTextArea
        name="professions"
        label={L.professions}
        hint="One profession per line."
        rows={4}
        defaultValue={values.professions?.join("\n")}
      />
      <FormTextInput
        name="estimatedScale"
        label={L.estimatedScale}
        hint="Roughly how many practitioners need this, as a whole number."
        inputMode="numeric"
        className="md:w-40"
        defaultValue={values.estimatedScale ?? undefined}
      />
    </>
  );
}
