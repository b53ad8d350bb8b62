import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { ButtonLink } from "@/components/ui";
import { PERIODIC_OUTCOME_LABELS, PERIODIC_OUTCOMES, type PeriodicOutcome } from "@/lib/workflow";

const OUTCOME_HINTS: Record<PeriodicOutcome, string> = {
  REAFFIRMED: "The credential stays endorsed, with a new review due date.",
  REVISION_REQUIRED: "The credential stays endorsed for delivery while the expert group drafts a new version.",
  WITHDRAWN: "The credential is withdrawn and its active delivery plans are flagged.",
};

// Withdrawing cannot be undone, so it has its own confirmation page rather than a choice here.
const OUTCOMES = PERIODIC_OUTCOMES.filter((o) => o !== "WITHDRAWN");

/** The conclusion of a periodic review: its outcome and the rationale for it, or withdrawal after a confirmation. */
export function ConcludeForm({ action, review }: { action: FormAction; review: { id: string; version: number } }) {
  return (
    <>
      <ActionForm action={action} hidden={{ id: review.id, version: review.version }} submitLabel="Conclude review">
        <FormRadios
          name="outcome"
          label="Outcome"
          options={OUTCOMES.map((o) => ({ value: o, label: PERIODIC_OUTCOME_LABELS[o], hint: OUTCOME_HINTS[o] }))}
        />
        <FormTextArea name="rationale" label="Rationale" rows={6} hint="Why this outcome, in the light of the four currency checks." />
      </ActionForm>
      <p className="mb-4">If the credential is no longer current, withdraw it. You will be asked to confirm first.</p>
      <ButtonLink href={`/periodic-reviews/${review.id}/confirm/withdraw`} variant="warning" className="mb-8">
        Withdraw the credential
      </ButtonLink>
    </>
  );
}
