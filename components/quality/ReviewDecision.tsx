import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { ButtonLink, WarningCallout } from "@/components/ui";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import { QUALITY_OUTCOME_LABELS, QUALITY_OUTCOMES, type QualityOutcome } from "@/lib/workflow";
import { closeQualityReview, reportQualityReview, startQualityReview } from "@/app/(app)/quality-reviews/actions";

type Props = {
  review: { id: string; version: number; outcome: QualityOutcome | null; can: string[]; findingCount: number };
};

/** What can be done to the review now: start, report, record the outcome and close, then (if it failed) suspend the plan. */
export function ReviewDecision({ review }: Props) {
  const { id, version, can } = review;
  const suspendable = can.includes("suspendPlan");
  if (!can.length) return null;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">Next step</h2>
      {can.includes("start") ? <TransitionButton action={startQualityReview} id={id} version={version} submitLabel="Start review" /> : null}
      {can.includes("report") ? (
        <>
          <p>Submit the report when every finding and action is recorded. Findings recorded: {review.findingCount}.</p>
          <TransitionButton action={reportQualityReview} id={id} version={version} submitLabel="Submit report" />
        </>
      ) : null}
      {can.includes("close") ? (
        <ActionForm
          action={closeQualityReview}
          hidden={{ id, version }}
          submitLabel="Record outcome and close review"
          labels={{ outcome: "Outcome", summary: "Summary" }}
        >
          <FormRadios
            name="outcome"
            label="Outcome"
            options={QUALITY_OUTCOMES.map((o) => ({ value: o, label: QUALITY_OUTCOME_LABELS[o] }))}
          />
          <FormTextArea name="summary" label="Summary (optional)" hint="Shared with the provider and the reviewers." rows={3} />
        </ActionForm>
      ) : null}
      {suspendable ? (
        <WarningCallout heading="The delivery does not meet the standards">
          <p>You can suspend the delivery plan until the provider has put things right. The provider is notified.</p>
          <ButtonLink href={`/quality-reviews/${id}/confirm/suspend-plan`} variant="warning">
            Suspend the delivery plan
          </ButtonLink>
        </WarningCallout>
      ) : null}
    </section>
  );
}
