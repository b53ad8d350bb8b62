import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { getMonitoringReport } from "@/lib/data/enhanced-monitoring";
import { planLink } from "@/lib/data/delivery-plans";
import { transitionBanner } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { monitoringReportMachine } from "@/lib/workflow";
import { acceptMonitoringReport, queryMonitoringReport, submitMonitoringReport } from "../actions";

export const metadata: Metadata = { title: "Monitoring report" };

const NEXT = {
  submit: "The Centre has been notified and will accept or query it.",
  query: "The provider has been notified and can answer in a revised report.",
  accept: "The provider has been notified; the next report is due in six months while enhanced monitoring continues.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function MonitoringReportPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const report = await getMonitoringReport(user, id);
  if (!report) notFound();
  const { plan } = report.monitoring;
  const may = (name: (typeof report.can)[number]) => report.can.includes(name);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: planLink(plan.id), label: plan.programmeTitle },
        ]}
      />
      <SuccessBanner banner={transitionBanner(monitoringReportMachine, query.done, NEXT)} />
      <PageHeading caption={`${plan.programmeTitle}, ${plan.organisation.name}`} title={`Monitoring report ${report.sequence}`} />
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={report.status} label={monitoringReportMachine.labels[report.status]} /> },
          { key: "Due", value: formatDate(report.dueOn) },
          { key: "Why the plan is under enhanced monitoring", value: report.monitoring.reason },
          ...(report.submittedAt ? [{ key: "Submitted", value: formatDate(report.submittedAt) }] : []),
        ]}
      />
      {report.status === "QUERIED" && report.queryReason ? (
        <InsetText>
          <p>The Centre queried this report: {report.queryReason}</p>
        </InsetText>
      ) : null}
      {may("submit") ? (
        <ActionForm
          action={submitMonitoringReport}
          hidden={{ id: report.id, version: report.version }}
          labels={{ narrative: "Your report" }}
          submitLabel="Submit the report"
        >
          <FormTextArea
            name="narrative"
            label="Your report"
            hint="How delivery has gone since enhanced monitoring began or since your last report: what you have changed, learner progress, and any concerns."
            rows={10}
            defaultValue={report.narrative}
          />
        </ActionForm>
      ) : report.narrative ? (
        <section aria-labelledby="narrative-heading" className="mb-8">
          <h2 id="narrative-heading" className="mb-4 text-2xl font-bold">
            The provider&apos;s report
          </h2>
          <p className="whitespace-pre-line">{report.narrative}</p>
        </section>
      ) : null}
      {may("accept") ? (
        <ActionForm action={acceptMonitoringReport} hidden={{ id: report.id, version: report.version }} submitLabel="Accept the report" />
      ) : null}
      {may("query") ? (
        <ActionForm
          action={queryMonitoringReport}
          hidden={{ id: report.id, version: report.version }}
          labels={{ reason: "What the provider should answer" }}
          submitLabel="Query the report"
          submitVariant="secondary"
        >
          <FormTextArea
            name="reason"
            label="What the provider should answer"
            hint="The provider sees it and submits the report again."
            rows={4}
          />
        </ActionForm>
      ) : null}
      <History entityIds={[report.id]} basePath={`/delivery-plans/monitoring-reports/${id}`} searchParams={query} />
    </>
  );
}
