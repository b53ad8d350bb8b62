import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { Button } from "@/components/ui";
import { CriterionGuidance } from "./CriterionGuidance";
import type { EndorsementCriterionView } from "@/lib/data/endorsement-review-reads";
import {
  CRITERION_RATING_LABELS,
  CRITERION_RATINGS,
  ENDORSEMENT_DECISION_LABELS,
  ENDORSEMENT_DECISIONS,
  type CriterionRating,
  type EndorsementDecision,
} from "@/lib/workflow";

type Assessment = {
  id: string;
  version: number;
  overallComment: string;
  recommendation: EndorsementDecision | null;
  ratings: { criterionId: string; rating: CriterionRating; comment: string }[];
};

/** A reviewer's assessment: every criterion rated with a comment, an overall comment and a recommendation. */
export function AssessmentForm({
  action,
  assessment,
  criteria,
}: {
  action: FormAction;
  assessment: Assessment;
  criteria: EndorsementCriterionView[];
}) {
  return (
    <ActionForm action={action} hidden={{ id: assessment.id, version: assessment.version }} submitLabel="Submit assessment">
      {criteria.map((c, i) => {
        const saved = assessment.ratings.find((r) => r.criterionId === c.id);
        // A part's criterion (4.1) is introduced once, above its first part.
        const firstPart = c.partOf && criteria[i - 1]?.partOf?.number !== c.partOf.number;
        return (
          <section key={c.id} aria-labelledby={`criterion-${i}`} className="mb-8 border-b border-nhs-grey-4 pb-2">
            {firstPart && c.partOf ? (
              <p className="mb-4">
                <strong>
                  Criterion {c.partOf.number}: {c.partOf.title}.
                </strong>{" "}
                {c.partOf.description}
              </p>
            ) : null}
            <h2 id={`criterion-${i}`} className="mb-2 text-xl">
              Criterion {c.number}: {c.title}
            </h2>
            <p className="mb-4">{c.description}</p>
            <CriterionGuidance criterion={c} />
            <input type="hidden" name={`ratings.${i}.criterionId`} value={c.id} />
            <FormRadios
              name={`ratings.${i}.rating`}
              label={`Is criterion ${c.number} met?`}
              inline
              options={CRITERION_RATINGS.map((r) => ({ value: r, label: CRITERION_RATING_LABELS[r] }))}
              defaultValue={saved?.rating}
            />
            <FormTextArea name={`ratings.${i}.comment`} label={`Comment on criterion ${c.number}`} rows={3} defaultValue={saved?.comment} />
          </section>
        );
      })}
      <FormTextArea name="overallComment" label="Overall comment" rows={5} defaultValue={assessment.overallComment} />
      <FormRadios
        name="recommendation"
        label="Your recommendation"
        options={ENDORSEMENT_DECISIONS.map((d) => ({ value: d, label: ENDORSEMENT_DECISION_LABELS[d] }))}
        defaultValue={assessment.recommendation}
      />
      <div className="mb-6">
        <Button variant="secondary" name="intent" value="draft">
          Save draft
        </Button>
      </div>
    </ActionForm>
  );
}
