import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getDeliveryPlan, planContext, planLink } from "@/lib/data/delivery-plans";
import { enumParam, orNotFound, routeId } from "@/lib/params";
import { check, deliveryPlanMachine } from "@/lib/workflow";
import { closePlan, decidePlan, suspendPlan } from "../../../actions";

export const metadata: Metadata = { title: "Confirm a change to a delivery plan" };

// The plan's changes that cannot simply be undone, each confirmed on its own page with a reason.
const CONFIRMED = {
  suspend: {
    title: "Suspend this delivery plan?",
    what: [
      "No new cohorts should start while the plan is suspended.",
      "The provider is told, and sees your reason on the plan.",
      "Centre staff can reinstate the plan later, to the approval it had.",
    ],
    action: suspendPlan,
    reason: { label: "Reason for suspending", hint: "For example, the outcome of a quality review." },
    confirmLabel: "Yes, suspend this plan",
  },
  close: {
    title: "Close this delivery plan?",
    what: [
      "Delivery on this plan ends for good: a closed plan cannot be reopened or reinstated.",
      "No annual returns open for it and it cannot be suspended. Completions already recorded stay, and its impact can still be reported.",
      "The other side (the Centre or the provider) is told, and everyone who can see the plan sees your reason.",
    ],
    action: closePlan,
    reason: { label: "Reason for closing", hint: "For example, the programme has ended or is no longer offered." },
    confirmLabel: "Yes, close this plan",
  },
  reject: {
    title: "Reject this delivery plan?",
    what: [
      "The plan cannot be approved after this: the provider would have to start a new plan.",
      "The provider is told, and sees your reason on the plan.",
    ],
    action: decidePlan,
    reason: { name: "rationale", label: "Reason for rejecting", hint: "What the plan lacks; the provider will see it." },
    confirmLabel: "Yes, reject this plan",
  },
} as const;
const TRANSITIONS = Object.keys(CONFIRMED) as (keyof typeof CONFIRMED)[];

type Props = { params: Promise<{ id: string; transition: string }> };

export default async function ConfirmPlanChangePage({ params }: Props) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const raw = await params;
  const id = orNotFound(routeId(raw.id));
  const name = orNotFound(enumParam(TRANSITIONS, raw.transition));
  const plan = await getDeliveryPlan(user, id);
  if (!plan) notFound();
  const confirmed = CONFIRMED[name];
  // The reason is asked for on this page, so only the state, the role and the plan's facts can stand in the way.
  const verdict = check(deliveryPlanMachine, name, plan.status, { ...planContext(plan, { reason: "-", rationale: "-" }), actor: user });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/delivery-plans", label: "Delivery plans" },
        { href: planLink(plan.id), label: plan.programmeTitle },
      ]}
      caption={`${plan.credential.reference} ${plan.credential.title}`}
      title={confirmed.title}
      action={confirmed.action}
      hidden={{ id: plan.id, version: plan.version, ...(name === "reject" ? { decision: "reject" } : {}) }}
      reason={confirmed.reason}
      confirmLabel={confirmed.confirmLabel}
      recordHref={planLink(plan.id)}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        {confirmed.what.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ConfirmTransition>
  );
}
