import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MappingTable } from "@/components/delivery-plans/MappingTable";
import { PlanSummary } from "@/components/delivery-plans/PlanSummary";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { BackLink, ButtonLink, PageHeading, StatusTag, WarningCallout } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { getDeliveryPlan, planContext } from "@/lib/data/delivery-plans";
import { availableTransitions, check, deliveryPlanMachine, PLAN_RECORD_TRANSITIONS, type PlanRecordTransition } from "@/lib/workflow";
import { PlanActions, PlanComment } from "./PlanActions";
import { AnnualReturns } from "./AnnualReturns";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Delivery plan" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<QueryParams & { done?: string }> };

/** "The delivery plan was approved with conditions." after the action named in `?done=`. */
function doneMessage(done?: string) {
  const transition = deliveryPlanMachine.transitions.find((t) => t.name === done);
  return transition ? `The delivery plan was ${transition.participle}.` : null;
}

export default async function DeliveryPlanPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const done = typeof query.done === "string" ? query.done : undefined;
  const plan = await getDeliveryPlan(user, id);
  if (!plan) notFound();
  const ctx = { ...planContext(plan), actor: user };
  const available = availableTransitions(deliveryPlanMachine, plan.status, ctx);
  const may = (name: PlanRecordTransition) => available.some((t) => t.name === name);
  const planActions = available.filter((t) => !(PLAN_RECORD_TRANSITIONS as readonly string[]).includes(t.name));
  // A plan the provider could submit but for its content: say what is missing instead of hiding the button silently.
  const submit = check(deliveryPlanMachine, "submit", plan.status, ctx);
  const submitBlockedBy = !submit.ok && submit.code === "GUARD_FAILED" ? submit.reason : undefined;
  const message = doneMessage(done);
  return (
    <>
      <BackLink href="/delivery-plans">Delivery plans</BackLink>
      <PageHeading caption={`${plan.credential.reference} ${plan.credential.title}`} title={plan.programmeTitle} />
      {message ? (
        <p role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-3 font-bold">
          {message}
        </p>
      ) : null}
      <p className="mb-6">
        Status: <StatusTag status={plan.status} label={deliveryPlanMachine.labels[plan.status]} />
      </p>
      {plan.flaggedAt ? (
        <WarningCallout heading="The credential has been withdrawn">
          <p>{plan.flagReason ?? "The credential this plan delivers has been withdrawn."}</p>
          <p>No new cohorts should start on this plan. The Centre will decide whether to suspend or close it.</p>
        </WarningCallout>
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
      <AnnualReturns plan={plan} canOpen={may("openAnnualReturn")} />
      <History entityIds={[plan.id]} basePath={`/delivery-plans/${id}`} searchParams={query} />
    </>
  );
}
