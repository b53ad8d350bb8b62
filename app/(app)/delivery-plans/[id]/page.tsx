import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { MappingTable } from "@/components/delivery-plans/MappingTable";
import { ReturnTrend } from "@/components/annual-returns/ReturnTrend";
import { PlanChanges } from "@/components/delivery-plans/PlanChanges";
import { PlanMonitoringSection, PlanRiskSection } from "@/components/monitoring/PlanMonitoring";
import { PlanRecords } from "@/components/delivery-plans/PlanRecords";
import { PlanSummary } from "@/components/delivery-plans/PlanSummary";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { Breadcrumbs, ButtonLink, InsetText, PageHeading, StatusTag, SuccessBanner, WarningCallout } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { requireUser } from "@/lib/auth/session";
import { deliveryPlanPage, planContext } from "@/lib/data/delivery-plans";
import { planReturnTrend } from "@/lib/data/annual-returns";
import { planMonitoring } from "@/lib/data/enhanced-monitoring";
import { planRiskOf } from "@/lib/data/plan-risks";
import { remappingLink, unfinishedRemappingOf } from "@/lib/data/remapping";
import { formatDate } from "@/lib/format";
import {
  availableTransitions,
  check,
  deliveryPlanMachine,
  isDelivering,
  PLAN_FOLLOW_ON_TRANSITIONS,
  PLAN_RECORD_TRANSITIONS,
  remappingMachine,
  type PlanRecordTransition,
} from "@/lib/workflow";
import { PlanActions, PlanComment } from "./PlanActions";
import { AnnualReturns } from "./AnnualReturns";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Delivery plan" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<QueryParams & { done?: string }> };

const NEXT = {
  edit: "Submit it for approval when every learning outcome is mapped.",
  submit: "The Centre has been notified and will review it.",
  startReview: "Record a decision when the review is done.",
  requestChanges: "The provider has been notified and can edit the plan and submit it again.",
  approve: "The provider has been notified and can start delivering it.",
  approveWithConditions: "The provider has been notified; the conditions are shown on the plan.",
  reject: "The provider has been notified; the rationale is shown on the plan.",
  suspend: "The provider has been notified; the reason is shown on the plan.",
  reinstate: "The provider has been notified and can deliver it again.",
  reinstateWithConditions: "The provider has been notified and can deliver it again, under its conditions.",
  close: "No new cohorts start on it; the reason is shown on the plan.",
  placeUnderEnhancedMonitoring: "The provider has been notified; its first report is due in six months.",
};

/** The rating's and enhanced monitoring's own changes, which land on the plan's page. */
const MONITORING_DONE = {
  rate: { heading: "Risk rating worked out", body: "Under the risk rules in effect today." },
  override: { heading: "Risk rating overridden", body: "The next quality review date follows the new rating." },
  clearOverride: { heading: "Override cleared", body: "The rating and the next quality review date are the rules' again." },
  liftEnhancedMonitoring: { heading: "Enhanced monitoring lifted", body: "The provider has been notified; no more reports are owed." },
};

export default async function DeliveryPlanPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const done = typeof query.done === "string" ? query.done : undefined;
  const [read, trend, remapping, risk, monitoring] = await Promise.all([
    deliveryPlanPage(user, id),
    planReturnTrend(user, id),
    unfinishedRemappingOf(user, id),
    planRiskOf(user, id),
    planMonitoring(user, id),
  ]);
  if (!read) notFound();
  const { plan, records } = read;
  const ctx = { ...planContext(plan), actor: user };
  const available = availableTransitions(deliveryPlanMachine, plan.status, ctx);
  const may = (name: PlanRecordTransition) => available.some((t) => t.name === name);
  const notButtons: readonly string[] = [...PLAN_RECORD_TRANSITIONS, ...PLAN_FOLLOW_ON_TRANSITIONS];
  const planActions = available.filter((t) => !notButtons.includes(t.name));
  // A plan the provider could submit but for its content: say what is missing instead of hiding the button silently.
  const submit = check(deliveryPlanMachine, "submit", plan.status, ctx);
  const submitBlockedBy = !submit.ok && submit.code === "GUARD_FAILED" ? submit.reason : undefined;
  return (
    <>
      <Breadcrumbs
        items={
          // Reviewers see a plan only through the quality reviews they are on.
          user.role === "REVIEWER"
            ? [{ href: "/quality-reviews", label: "Quality" }]
            : [
                { href: "/delivery-plans", label: "Delivery plans" },
                { href: `/credentials/${plan.credential.id}`, label: `${plan.credential.reference} ${plan.credential.title}` },
              ]
        }
      />
      <SuccessBanner banner={transitionBanner(deliveryPlanMachine, done, NEXT) ?? bannerFor(MONITORING_DONE, done)} />
      <PageHeading caption={`${plan.credential.reference} ${plan.credential.title}`} title={plan.programmeTitle} />
      <p className="mb-6">
        Status: <StatusTag status={plan.status} label={deliveryPlanMachine.labels[plan.status]} />
      </p>
      {plan.flaggedAt ? (
        <WarningCallout heading="The credential has been withdrawn">
          <p>{plan.flagReason ?? "The credential this plan delivers has been withdrawn."}</p>
          <p>No new cohorts should start on this plan. The Centre will decide whether to suspend or close it.</p>
        </WarningCallout>
      ) : null}
      {remapping ? (
        <InsetText>
          <p>
            A new specification version has been endorsed: this plan is to be re-mapped to version {remapping.toVersion.number} by{" "}
            {formatDate(remapping.dueOn)} ({remappingMachine.labels[remapping.status].toLowerCase()}).{" "}
            <Link href={remappingLink(remapping.id)}>Open the re-mapping</Link>
          </p>
        </InsetText>
      ) : null}
      <PlanSummary plan={plan} />
      <MappingTable plan={plan} />
      {user.role === "CENTRE_STAFF" || user.role === "PROVIDER" ? (
        <>
          <PlanActions plan={plan} available={planActions} submitBlockedBy={submitBlockedBy} />
          {/* Keyed by version so that "Comment added." does not linger after a later change of state. */}
          <PlanComment key={plan.version} planId={plan.id} />
        </>
      ) : null}
      {may("recordCompletion") ? (
        <section aria-labelledby="completions-heading" className="mb-8">
          <h2 id="completions-heading" className="mb-4 text-2xl font-bold">
            Completions
          </h2>
          <p className="mb-4">Record each practitioner who completed the credential through this plan, for the Centre to recognise.</p>
          <ButtonLink href={`/completions/new?plan=${plan.id}`} variant="secondary">
            Record a completion
          </ButtonLink>
        </section>
      ) : null}
      <PlanChanges planId={plan.id} changes={records.changes} canReport={may("reportChange")} />
      <AnnualReturns plan={plan} canOpen={may("openAnnualReturn")} />
      <ReturnTrend years={trend} />
      {user.role === "CENTRE_STAFF" && isDelivering(plan.status) ? <PlanRiskSection planId={plan.id} risk={risk} mayRate={true} /> : null}
      {user.role === "CENTRE_STAFF" || user.role === "PROVIDER" ? (
        <PlanMonitoringSection
          planId={plan.id}
          monitoring={monitoring}
          mayPlace={may("placeUnderEnhancedMonitoring")}
          staff={user.role === "CENTRE_STAFF"}
        />
      ) : null}
      <PlanRecords records={records} />
      {/* The rating and enhanced monitoring have no page of their own: their changes are the plan's history too. */}
      <History
        entityIds={[plan.id, ...(risk ? [risk.id] : []), ...(monitoring.spell ? [monitoring.spell.id] : [])]}
        basePath={`/delivery-plans/${id}`}
        searchParams={query}
      />
    </>
  );
}
