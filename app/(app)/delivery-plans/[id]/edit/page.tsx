import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getDeliveryPlan, planContext, planLink } from "@/lib/data/delivery-plans";
import { availableTransitions, deliveryPlanMachine } from "@/lib/workflow";
import { savePlan } from "../../actions";
import { MappingFields } from "./MappingFields";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Edit delivery plan" };

const LABELS = {
  programmeTitle: "Programme or module title",
  award: "Award",
  deliveryMode: "Delivery mode",
  startsOn: "Start date",
  cohortSize: "Cohort size",
  staffingAndSupervision: "Staffing and supervision",
  qualityAssurance: "Quality-assurance arrangements",
};

export default async function EditDeliveryPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("PROVIDER");
  const id = orNotFound(routeId((await params).id));
  const plan = await getDeliveryPlan(user, id);
  if (!plan) notFound();
  const editable = availableTransitions(deliveryPlanMachine, plan.status, { ...planContext(plan), actor: user }).some(
    (t) => t.name === "edit",
  );
  if (!editable) redirect(planLink(plan.id));
  const outcomes = plan.specificationVersion.learningOutcomes;
  const mappingLabels = Object.fromEntries(
    outcomes.flatMap((o, i) => [
      [`mappings.${i}.module`, `Learning outcome ${o.position} module`],
      [`mappings.${i}.assessment`, `Learning outcome ${o.position} assessment`],
    ]),
  );
  return (
    <>
      <BackLink href={planLink(plan.id)}>Back to the plan</BackLink>
      <PageHeading
        caption={`${plan.credential.reference} ${plan.credential.title}`}
        title="Edit delivery plan"
        lede="Save as often as you like; everything must be complete, and every learning outcome mapped, before you submit the plan."
      />
      <ActionForm
        action={savePlan}
        hidden={{ id: plan.id, version: plan.version }}
        submitLabel="Save draft"
        labels={{ ...LABELS, ...mappingLabels }}
      >
        <h2 className="mb-4 text-2xl font-bold">The programme</h2>
        <FormTextInput name="programmeTitle" label={LABELS.programmeTitle} defaultValue={plan.programmeTitle} />
        <FormTextInput
          name="award"
          label={LABELS.award}
          hint="For example, Postgraduate Certificate (60 credits at level 7)"
          defaultValue={plan.award}
        />
        <FormTextArea
          name="deliveryMode"
          label={LABELS.deliveryMode}
          hint="For example, blended learning with supervised practice"
          rows={3}
          defaultValue={plan.deliveryMode}
        />
        <FormDateInput name="startsOn" label={LABELS.startsOn} defaultValue={plan.startsOn} />
        <FormTextInput
          name="cohortSize"
          label={LABELS.cohortSize}
          hint="The number of learners in each cohort"
          inputMode="numeric"
          className="md:w-32"
          defaultValue={plan.cohortSize}
        />
        <FormTextArea name="staffingAndSupervision" label={LABELS.staffingAndSupervision} defaultValue={plan.staffingAndSupervision} />
        <FormTextArea name="qualityAssurance" label={LABELS.qualityAssurance} defaultValue={plan.qualityAssurance} />
        <MappingFields plan={plan} />
      </ActionForm>
    </>
  );
}
