import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormDateInput } from "@/components/forms/Fields";
import { Breadcrumbs, PageHeading, SummaryList, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { schedulingOptions } from "@/lib/data/quality";
import { conflictOfInterest } from "@/lib/workflow";
import { scheduleQualityReviewAction } from "../actions";
import { routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Schedule a quality review" };

export default async function NewQualityReviewPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const planId = routeId((await searchParams).plan);
  const { plans, reviewers } = await schedulingOptions(user);
  const plan = plans.find((p) => p.id === planId);
  return (
    <>
      <Breadcrumbs items={[{ href: "/quality-reviews", label: "Quality" }]} />
      <PageHeading title="Schedule a quality review" lede="A fuller review of an approved delivery, carried out by the reviewers you assign." />
      {plan ? (
        <>
          <SummaryList
            rows={[
              { key: "Delivery plan", value: plan.programmeTitle },
              { key: "Provider", value: plan.organisation.name },
              { key: "Credential", value: `${plan.credential.reference} ${plan.credential.title}` },
            ]}
          />
          <ActionForm action={scheduleQualityReviewAction} hidden={{ planId: plan.id }} submitLabel="Schedule review" labels={{ scheduledOn: "Review date", reviewerIds: "Reviewers" }}>
            <FormDateInput name="scheduledOn" label="Review date" />
            <FormCheckboxes
              name="reviewerIds"
              label="Reviewers"
              hint="Reviewers are notified. A reviewer from the provider's own organisation cannot be assigned (conflict of interest)."
              options={reviewers.map((r) => ({
                value: r.id,
                label: `${r.name}${r.organisation ? `, ${r.organisation.name}` : ""}`,
                hint: conflictOfInterest(r, [plan.organisationId]) ? "Conflict of interest: belongs to this provider" : undefined,
              }))}
            />
          </ActionForm>
        </>
      ) : (
        <Table
          caption="Choose an approved delivery to review"
          columns={[
            { key: "plan", header: "Delivery plan" },
            { key: "provider", header: "Provider" },
            { key: "credential", header: "Credential" },
          ]}
          rows={plans.map((p) => ({
            plan: <Link href={`/quality-reviews/new?plan=${p.id}`}>{p.programmeTitle}</Link>,
            provider: p.organisation.name,
            credential: `${p.credential.reference} ${p.credential.title}`,
          }))}
          empty="There are no approved deliveries to review."
        />
      )}
    </>
  );
}
