import { commentOnPlan, decidePlan, reinstatePlan, startReview, submitPlan } from "../actions";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { ButtonLink, InsetText } from "@/components/ui";
import type { DeliveryPlanDetail } from "@/lib/data/delivery-plans";
import { PLAN_DECISIONS } from "@/lib/validation/delivery-plan";

type Props = {
  plan: DeliveryPlanDetail;
  available: readonly { name: string; label: string }[];
  /** Why the provider cannot submit the plan yet, when only its content stands in the way. */
  submitBlockedBy?: string;
};

// Changes that cannot simply be undone: each link leads to a page that says what will happen and asks for a reason.
const CONFIRMED = [
  { name: "reject", label: "Reject plan", variant: "warning" },
  { name: "suspend", label: "Suspend plan", variant: "warning" },
  { name: "close", label: "Close plan", variant: "secondary" },
] as const;

const DECISION_HINTS: Record<string, string> = {
  approveWithConditions: "Give the conditions below.",
  requestChanges: "The provider can edit the plan and submit it again.",
};

/** The actions this user can take on the plan now, as the state machine says; each is a small form. */
export function PlanActions({ plan, available, submitBlockedBy }: Props) {
  const can = (name: string) => available.find((t) => t.name === name);
  const hidden = { id: plan.id, version: plan.version };
  // Rejecting cannot be undone, so it has its own confirmation page rather than a choice here.
  const decisions = available.filter((t) => t.name !== "reject" && (PLAN_DECISIONS as readonly string[]).includes(t.name));
  const confirmed = CONFIRMED.filter((c) => can(c.name));
  const simple = [
    { name: "submit", action: submitPlan },
    { name: "startReview", action: startReview },
    { name: "reinstate", action: reinstatePlan },
    { name: "reinstateWithConditions", action: reinstatePlan },
  ];
  return (
    <section aria-labelledby="actions-heading" className="mb-8">
      <h2 id="actions-heading" className="mb-4 text-2xl font-bold">
        What you can do
      </h2>
      {available.length === 0 && !submitBlockedBy ? <p>There is nothing for you to do on this plan now.</p> : null}
      {can("edit") ? (
        <p className="mb-6">
          <ButtonLink href={`/delivery-plans/${plan.id}/edit`} variant="secondary">
            Edit plan
          </ButtonLink>
        </p>
      ) : null}
      {submitBlockedBy ? (
        <InsetText>
          <p className="font-bold">Before you can submit this plan for approval</p>
          <p>{submitBlockedBy}</p>
        </InsetText>
      ) : null}
      {simple.map(({ name, action }) => {
        const t = can(name);
        return t ? <ActionForm key={name} action={action} hidden={hidden} submitLabel={t.label} /> : null;
      })}
      {decisions.length > 0 ? (
        <ActionForm
          action={decidePlan}
          hidden={hidden}
          submitLabel="Record decision"
          labels={{ decision: "Decision", rationale: "Rationale", conditions: "Conditions" }}
        >
          <h3 className="mb-4 text-xl font-bold">Decide the plan</h3>
          <FormRadios
            name="decision"
            label="Decision"
            options={decisions.map((t) => ({ value: t.name, label: t.label, hint: DECISION_HINTS[t.name] }))}
          />
          <FormTextArea name="rationale" label="Rationale" hint="Why you made this decision; the provider will see it." />
          <FormTextArea name="conditions" label="Conditions (if approving with conditions)" hint="One condition per line." rows={4} />
        </ActionForm>
      ) : null}
      {confirmed.length > 0 ? (
        <div className="mb-8 flex flex-wrap gap-4">
          {confirmed.map((c) => (
            <ButtonLink key={c.name} href={`/delivery-plans/${plan.id}/confirm/${c.name}`} variant={c.variant}>
              {c.label}
            </ButtonLink>
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** Comments between the Centre and the provider; they appear in the plan's history. */
export function PlanComment({ planId }: { planId: string }) {
  return (
    <ActionForm action={commentOnPlan} hidden={{ id: planId }} submitLabel="Add comment" submitVariant="secondary">
      <FormTextArea
        name="comment"
        label="Add a comment"
        hint="Everyone who can see this plan can read it, in the history below."
        rows={3}
      />
    </ActionForm>
  );
}
