import { FormSelect, FormTextArea, FormTextInput } from "@/components/forms/Fields";

type Criterion = { number: string; title: string; description: string; guidance: string; sortOrder: number };

export const CRITERION_LABELS = {
  number: "Number",
  title: "Title",
  description: "What the criterion asks",
  guidance: "Guidance notes",
  sortOrder: "Position in the set",
  parentId: "Part of",
};

/** The fields of one criterion, for adding it to a draft set or changing it there. */
export function CriterionFields({
  defaults,
  parents,
}: {
  defaults?: Criterion;
  /** When given, the criterion may be made a part of one of these. */
  parents?: { id: string; number: string; title: string }[];
}) {
  return (
    <>
      <FormTextInput
        name="number"
        label={CRITERION_LABELS.number}
        hint="As the Centre numbers it, for example 4, 4.1 or 4.1(a)"
        defaultValue={defaults?.number}
        className="w-40"
      />
      {parents ? (
        <FormSelect
          name="parentId"
          label={CRITERION_LABELS.parentId}
          hint="Reviewers rate the parts of a criterion, not the criterion itself."
          placeholder="None: a criterion of its own"
          options={parents.map((p) => ({ value: p.id, label: `${p.number} ${p.title}` }))}
        />
      ) : null}
      <FormTextInput name="title" label={CRITERION_LABELS.title} defaultValue={defaults?.title} />
      <FormTextArea name="description" label={CRITERION_LABELS.description} rows={3} defaultValue={defaults?.description} />
      <FormTextArea
        name="guidance"
        label={CRITERION_LABELS.guidance}
        hint="One note a line. Reviewers see them beside the criterion and each of its parts."
        rows={4}
        defaultValue={defaults?.guidance}
      />
      <FormTextInput
        name="sortOrder"
        label={CRITERION_LABELS.sortOrder}
        hint="Criteria are listed in this order; put a part after the criterion it belongs to."
        inputMode="numeric"
        defaultValue={defaults?.sortOrder}
        className="w-24"
      />
    </>
  );
}
