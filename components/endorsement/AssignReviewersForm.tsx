import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormDateInput } from "@/components/forms/Fields";
import { describeExpertise, MIN_REVIEWERS, type ReviewerExpertise } from "@/lib/workflow";

type Candidate = {
  id: string;
  name: string;
  organisation: { name: string } | null;
  conflict: string | null;
  expertise: ReviewerExpertise[];
  clinicalProfessions: string[];
};

/** Staff choose reviewers for a submitted version; the first assignment needs at least two and starts the review. */
export function AssignReviewersForm({
  action,
  version,
  candidates,
  starting,
}: {
  action: FormAction;
  version: { id: string; version: number };
  candidates: Candidate[];
  /** True while the version is still waiting for its review to start. */
  starting: boolean;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ id: version.id, version: version.version }}
      submitLabel={starting ? "Assign reviewers and start review" : "Assign reviewers"}
    >
      <FormCheckboxes
        name="reviewerIds"
        label={starting ? "Reviewers" : "Add reviewers"}
        hint={
          starting
            ? `Choose at least ${MIN_REVIEWERS}, including at least one with academic and one with clinical expertise. A reviewer may not belong to the expert group whose specification this is.`
            : "With the reviewers already assigned, they must include at least one with academic and one with clinical expertise."
        }
        options={candidates.map((c) => ({
          value: c.id,
          label: c.name,
          hint: `${c.organisation?.name ?? "No organisation"}. Expertise: ${describeExpertise(c.expertise, c.clinicalProfessions)}${c.conflict ? " – conflict of interest: belongs to the expert group" : ""}`,
        }))}
      />
      <FormDateInput name="dueOn" label="Assessments due by" />
    </ActionForm>
  );
}
