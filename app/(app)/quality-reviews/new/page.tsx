import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormDateInput } from "@/components/forms/Fields";
import { Breadcrumbs, ChoiceSearch, PageHeading, SummaryList, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { schedulingOptions } from "@/lib/data/quality";
import { conflictOfInterest } from "@/lib/workflow";
import { scheduleQualityReview } from "../actions";
import { routeId } from "@/lib/params";
import { searchTerm } from "@/lib/data/paging";

export const metadata: Metadata = { title: "Schedule a quality review" };

type Search = { plan?: string; findPlan?: string; findReviewer?: string };

export default async function NewQualityReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole("CENTRE_STAFF");
  const query = await searchParams;
  const planId = routeId(query.plan);
  const { plan, plans, reviewers } = await schedulingOptions(user, {
    planId,
    plans: searchTerm(query.findPlan),
    reviewers: searchTerm(query.findReviewer),
  });
  return (
    <>
      <Breadcrumbs items={[{ href: "/quality-reviews", label: "Quality" }]} />
      <PageHeading
        title="Schedule a quality review"
        lede="A fuller review of an approved delivery, carried out by the reviewers you assign."
      />
      {plan ? (
        <>
          <SummaryList
            rows={[
              { key: "Delivery plan", value: plan.programmeTitle },
              { key: "Provider", value: plan.organisation.name },
              { key: "Credential", value: `${plan.credential.reference} ${plan.credential.title}` },
            ]}
          />
          <ChoiceSearch
            action="/quality-reviews/new"
            keep={{ plan: plan.id }}
            param="findReviewer"
            label="Find reviewers by name or organisation"
            search={reviewers.search}
            shown={reviewers.options.length}
            total={reviewers.total}
            noun="reviewers"
          />
          <ActionForm
            action={scheduleQualityReview}
            hidden={{ planId: plan.id }}
            submitLabel="Schedule review"
            labels={{ scheduledOn: "Review date", reviewerIds: "Reviewers" }}
          >
            <FormDateInput name="scheduledOn" label="Review date" />
            <FormCheckboxes
              name="reviewerIds"
              label="Reviewers"
              hint="Reviewers are notified. A reviewer from the provider's own organisation cannot be assigned (conflict of interest)."
              options={reviewers.options.map((r) => ({
                value: r.id,
                label: `${r.name}${r.organisation ? `, ${r.organisation.name}` : ""}`,
                hint: conflictOfInterest(r, [plan.organisationId]) ? "Conflict of interest: belongs to this provider" : undefined,
              }))}
            />
          </ActionForm>
        </>
      ) : (
        <>
          <ChoiceSearch
            action="/quality-reviews/new"
            param="findPlan"
            label="Find the delivery by programme, provider or credential"
            search={plans.search}
            shown={plans.options.length}
            total={plans.total}
            noun="approved deliveries"
          />
          <Table
            caption="Choose an approved delivery to review"
            columns={[
              { key: "plan", header: "Delivery plan" },
              { key: "provider", header: "Provider" },
              { key: "credential", header: "Credential" },
            ]}
            rows={plans.options.map((p) => ({
              plan: <Link href={`/quality-reviews/new?plan=${p.id}`}>{p.programmeTitle}</Link>,
              provider: p.organisation.name,
              credential: `${p.credential.reference} ${p.credential.title}`,
            }))}
            empty={plans.search ? "No approved delivery matches your search." : "There are no approved deliveries to review."}
          />
        </>
      )}
    </>
  );
}
