import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { formatCount } from "@/components/impact/numbers";
import { Breadcrumbs, ButtonLink, PageHeading, StatusTag, SuccessBanner, SummaryList, Table, WarningCallout } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { getImpactReturn, professionLabel } from "@/lib/data/impact-returns";
import { formatDateTime } from "@/lib/format";
import { impactReturnMachine } from "@/lib/workflow";
import { acceptImpactReturn, queryImpactReturn, submitImpactReturn } from "../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Impact return" };

const NEXT = {
  edit: "Submit it to the Centre when the figures are complete.",
  submit: "The Centre has been notified and will accept the return or query it.",
  query: "The provider has been notified and can correct the return and submit it again.",
  accept: "Its figures now count in the credential's and the portfolio's impact.",
};
const CREATED = { created: { heading: "Impact return started", body: "Check the figures, then submit it to the Centre." } };

export default async function ImpactReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const r = await getImpactReturn(user, id);
  if (!r) notFound();
  const transition = { id: r.id, version: r.version };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: `/delivery-plans/${r.plan.id}`, label: r.plan.programmeTitle },
        ]}
      />
      <SuccessBanner banner={transitionBanner(impactReturnMachine, query.done, NEXT) ?? bannerFor(CREATED, query.done)} />
      <PageHeading
        caption={`${r.credential.reference} ${r.credential.title}`}
        title={`Impact return ${r.period}: ${r.plan.programmeTitle}`}
      />
      <p className="mb-6">
        <StatusTag status={r.status} label={impactReturnMachine.labels[r.status]} />
      </p>
      {r.status === "QUERIED" && r.queryReason ? (
        <WarningCallout heading="The Centre has queried this return">
          <p>{r.queryReason}</p>
        </WarningCallout>
      ) : null}
      <SummaryList
        rows={[
          { key: "Delivery plan", value: <Link href={`/delivery-plans/${r.plan.id}`}>{r.plan.programmeTitle}</Link> },
          { key: "Credential", value: `${r.credential.reference} ${r.credential.title}` },
          { key: "Provider", value: r.organisation.name },
          { key: "Period", value: r.period },
          { key: "Enrolled", value: formatCount(r.enrolled) },
          { key: "Completed", value: formatCount(r.completed) },
          { key: "Withdrawn", value: formatCount(r.withdrawn) },
          { key: "Deployed in advanced-practice roles", value: formatCount(r.deployed) },
          { key: "Employer feedback", value: r.employerFeedback || "None given" },
          { key: "Benefit to patients", value: r.patientBenefit || "None given" },
          { key: "Submitted", value: r.submittedAt ? formatDateTime(r.submittedAt) : "Not yet" },
        ]}
      />
      <Table
        caption="Figures by profession"
        rowHeader="profession"
        columns={[
          { key: "profession", header: "Profession" },
          { key: "enrolled", header: "Enrolled", align: "right" },
          { key: "completed", header: "Completed", align: "right" },
          { key: "deployed", header: "Deployed", align: "right" },
        ]}
        rows={r.byProfession.map((p) => ({
          profession: professionLabel(p),
          enrolled: formatCount(p.enrolled),
          completed: formatCount(p.completed),
          deployed: formatCount(p.deployed),
        }))}
        empty="No figures by profession given."
      />
      {r.can.includes("edit") ? (
        <ButtonLink href={`/impact/${r.id}/edit`} variant="secondary" className="mb-6">
          Edit return
        </ButtonLink>
      ) : null}
      {r.can.includes("submit") ? <TransitionButton action={submitImpactReturn} {...transition} submitLabel="Submit return" /> : null}
      {r.can.includes("accept") ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision</h2>
          <TransitionButton action={acceptImpactReturn} {...transition} submitLabel="Accept return" />
          <ReasonForm
            action={queryImpactReturn}
            {...transition}
            submitLabel="Query return"
            submitVariant="secondary"
            label="Query the return"
            hint="What the provider needs to check or change. They will be notified."
          />
        </section>
      ) : null}
      <History entityIds={[r.id]} basePath={`/impact/${id}`} searchParams={query} />
    </>
  );
}
