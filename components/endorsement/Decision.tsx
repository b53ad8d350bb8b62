import Link from "@/components/ui/Link";
import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { InsetText, StatusTag, SummaryList } from "@/components/ui";
import type { PanelRecommendationView } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { ENDORSEMENT_DECISION_LABELS, ENDORSEMENT_DECISIONS, MIN_REVIEWERS, type EndorsementDecision } from "@/lib/workflow";

/** Declining ends the candidate specification's review for good, so it is asked for on its own confirmation page. */
const DECISIONS_ON_THE_FORM = ENDORSEMENT_DECISIONS.filter((d) => d !== "DECLINE");

/** What the endorsement panel recommended, or that no panel has: the Centre's decision follows the panel. */
export function PanelRecommendation({ panel }: { panel: PanelRecommendationView | null }) {
  if (!panel?.recommendation) {
    return (
      <InsetText>
        <p>
          No endorsement panel has recommended a decision on this specification. You can decide on the reviewers&apos; assessments, or first
          put it on the agenda of a <Link href="/panels">panel meeting</Link>.
        </p>
      </InsetText>
    );
  }
  return (
    <InsetText>
      <p>
        The endorsement panel (<Link href={`/panels/${panel.meeting.id}`}>{panel.meeting.title}</Link>, {formatDate(panel.meeting.meetsOn)})
        recommended: <strong>{ENDORSEMENT_DECISION_LABELS[panel.recommendation]}</strong>.
      </p>
      {panel.recommendationNote ? <p className="whitespace-pre-line">Its reasons: {panel.recommendationNote}</p> : null}
    </InsetText>
  );
}

/** The field a decision needs when it differs from the panel's recommendation. */
export function DepartureReasonField({ panel }: { panel: PanelRecommendationView | null }) {
  if (!panel?.recommendation) return null;
  return (
    <FormTextArea
      name="departureReason"
      label="Reason for differing from the panel's recommendation"
      hint={`Needed only if your decision is not the panel's recommendation (${ENDORSEMENT_DECISION_LABELS[panel.recommendation]}). Kept with the decision and in its history.`}
      rows={3}
    />
  );
}

/** Staff decide on the endorsement once at least two assessments are in; the panel's recommendation is pre-selected. */
export function DecisionForm({
  action,
  version,
  declineHref,
  panel,
}: {
  action: FormAction;
  version: { id: string; version: number };
  declineHref: string;
  panel: PanelRecommendationView | null;
}) {
  const recommended = panel?.recommendation && panel.recommendation !== "DECLINE" ? panel.recommendation : undefined;
  return (
    <>
      <PanelRecommendation panel={panel} />
      <ActionForm
        action={action}
        hidden={{ id: version.id, version: version.version }}
        submitLabel="Record decision"
        labels={{ departureReason: "Reason for differing from the panel's recommendation" }}
      >
        <FormRadios
          name="decision"
          label="Decision"
          hint={`Needs at least ${MIN_REVIEWERS} submitted assessments.${recommended ? " The panel's recommendation is selected." : ""}`}
          options={DECISIONS_ON_THE_FORM.map((d) => ({ value: d, label: ENDORSEMENT_DECISION_LABELS[d] }))}
          defaultValue={recommended}
        />
        <FormTextArea name="rationale" label="Rationale" hint="Shared with the expert group." rows={5} />
        <FormTextArea name="conditions" label="Conditions" hint="Only for endorse with conditions. One condition per line." rows={4} />
        <DepartureReasonField panel={panel} />
      </ActionForm>
      <p className="mt-6">
        If the candidate specification cannot be endorsed, even with changes: <Link href={declineHref}>Decline this specification</Link>
        {panel?.recommendation === "DECLINE" ? " (the panel's recommendation)" : ""}
      </p>
    </>
  );
}

export function DecisionSummary({
  review,
  panel,
}: {
  review: { decision: EndorsementDecision | null; rationale: string | null; decidedAt: Date | null };
  panel?: PanelRecommendationView | null;
}) {
  if (!review.decision) return null;
  return (
    <SummaryList
      rows={[
        { key: "Decision", value: <StatusTag status={review.decision} label={ENDORSEMENT_DECISION_LABELS[review.decision]} /> },
        { key: "Rationale", value: <p className="mb-0 whitespace-pre-line">{review.rationale}</p> },
        { key: "Decided", value: review.decidedAt ? formatDate(review.decidedAt) : "" },
        ...(panel?.recommendation
          ? [{ key: "Panel recommendation", value: ENDORSEMENT_DECISION_LABELS[panel.recommendation] }]
          : panel === null
            ? [{ key: "Panel recommendation", value: "None: no endorsement panel considered this specification" }]
            : []),
        ...(panel?.departureReason ? [{ key: "Why the decision differs from the panel's", value: panel.departureReason }] : []),
      ]}
    />
  );
}
