import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { Breadcrumbs, InsetText, PageHeading, WarningCallout } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { planLink } from "@/lib/data/delivery-plans";
import { planForChangeReport } from "@/lib/data/plan-changes";
import { orNotFound, routeId } from "@/lib/params";
import { PLAN_CHANGE_CATEGORIES, PLAN_CHANGE_CATEGORY_NAMES, PLAN_CHANGE_KIND_LABELS } from "@/lib/workflow";
import { PLAN_CHANGE_TEXT_MAX } from "@/lib/validation/plan-change";
import { reportChange } from "../../../changes/actions";

export const metadata: Metadata = { title: "Report a change to a delivery plan" };

const LABELS = { category: "What the change is about", whatChanged: "What has changed", why: "Why it has changed" };

export default async function ReportPlanChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("PROVIDER");
  const plan = await planForChangeReport(user, orNotFound(routeId((await params).id)));
  if (!plan) notFound();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: planLink(plan.id), label: plan.programmeTitle },
        ]}
      />
      <PageHeading
        caption={`${plan.credential.reference} ${plan.credential.title}`}
        title="Report a change"
        lede="Tell the Centre about a change to how you deliver this approved plan. A minor change is noted; a major change needs the Centre's approval before it applies."
      />
      {plan.refusal ? (
        <WarningCallout heading="You cannot report a change to this plan">
          <p>{plan.refusal}</p>
        </WarningCallout>
      ) : (
        <>
          <InsetText>
            <p>
              Minor changes: staffing or supervision, dates, delivery mode. Major changes: assessment, learning outcomes or their mapping,
              delivery partners.
            </p>
          </InsetText>
          <ActionForm action={reportChange} hidden={{ planId: plan.id }} labels={LABELS} submitLabel="Report the change">
            <FormRadios
              name="category"
              label={LABELS.category}
              options={PLAN_CHANGE_CATEGORY_NAMES.map((name) => {
                const c = PLAN_CHANGE_CATEGORIES[name];
                return { value: name, label: `${c.label} (${PLAN_CHANGE_KIND_LABELS[c.kind].toLowerCase()} change)`, hint: c.hint };
              })}
            />
            <FormTextArea
              name="whatChanged"
              label={LABELS.whatChanged}
              hint={`Say what the plan said and what it will be now. Up to ${PLAN_CHANGE_TEXT_MAX} characters.`}
              rows={5}
            />
            <FormTextArea name="why" label={LABELS.why} hint={`Up to ${PLAN_CHANGE_TEXT_MAX} characters.`} rows={4} />
          </ActionForm>
        </>
      )}
    </>
  );
}
