import Link from "next/link";
import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { StatusTag, SummaryList } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { ENDORSEMENT_DECISION_LABELS, ENDORSEMENT_DECISIONS, MIN_REVIEWERS, type EndorsementDecision } from "@/lib/workflow";

/** Declining ends the candidate specification's review for good, so it is asked for on its own confirmation page. */
const DECISIONS_ON_THE_FORM = ENDORSEMENT_DECISIONS.filter((d) => d !== "DECLINE");

/** Staff decide on the endorsement once at least two assessments are in. */
export function DecisionForm({
  action,
  version,
  declineHref,
}: {
  action: FormAction;
  version: { id: string; version: number };
  declineHref: string;
}) {
  return (
    <>
      <ActionForm action={action} hidden={{ id: version.id, version: version.version }} submitLabel="Record decision">
        <FormRadios
          name="decision"
          label="Decision"
          hint={`Needs at least ${MIN_REVIEWERS} submitted assessments.`}
          options={DECISIONS_ON_THE_FORM.map((d) => ({ value: d, label: ENDORSEMENT_DECISION_LABELS[d] }))}
        />
        <FormTextArea name="rationale" label="Rationale" hint="Shared with the expert group." rows={5} />
        <FormTextArea name="conditions" label="Conditions" hint="Only for endorse with conditions. One condition per line." rows={4} />
      </ActionForm>
      <p className="mt-6">
        If the candidate specification cannot be endorsed, even with changes: <Link href={declineHref}>Decline this specification</Link>
      </p>
    </>
  );
}

export function DecisionSummary({
  review,
}: {
  review: { decision: EndorsementDecision | null; rationale: string | null; decidedAt: Date | null };
}) {
  if (!review.decision) return null;
  return (
    <SummaryList
      rows={[
        { key: "Decision", value: <StatusTag status={review.decision} label={ENDORSEMENT_DECISION_LABELS[review.decision]} /> },
        { key: "Rationale", value: <p className="mb-0 whitespace-pre-line">{review.rationale}</p> },
        { key: "Decided", value: review.decidedAt ? formatDate(review.decidedAt) : "" },
      ]}
    />
  );
}
