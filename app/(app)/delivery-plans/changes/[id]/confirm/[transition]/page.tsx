import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getPlanChange, PLAN_CHANGES_LIST, planChangeLink, planChangeContext } from "@/lib/data/plan-changes";
import { enumParam, orNotFound, routeId } from "@/lib/params";
import { check, CONFIRMED_TRIAGE_TRANSITIONS, planChangeMachine, type ConfirmedTriage } from "@/lib/workflow";
import { triageChange } from "../../../actions";

export const metadata: Metadata = { title: "Confirm the outcome of a change" };

// Triage outcomes that cannot simply be undone, each confirmed on its own page with a reason.
const CONFIRMED_TRIAGE = {
  reject: {
    title: "Reject this change?",
    what: [
      "The change may not go ahead: the provider must keep delivering the plan as it was approved.",
      "The change is closed for good; a different change would have to be reported afresh.",
      "The provider is told, and sees your reason on the change.",
    ],
    reason: { label: "Reason for rejecting", hint: "Why the change cannot go ahead; the provider will see it." },
    confirmLabel: "Yes, reject this change",
  },
  requireReview: {
    title: "Require a review of the plan?",
    what: [
      "The plan leaves approval and goes back into review, where Centre staff decide it again as they did at first.",
      "The change is closed; the plan's new decision follows its review.",
      "The provider is told, and sees your reason on the change.",
    ],
    reason: { label: "Reason for requiring a review", hint: "What the review must look at; the provider will see it." },
    confirmLabel: "Yes, send the plan back to review",
  },
} as const satisfies Record<ConfirmedTriage, unknown>;
const TRANSITIONS = CONFIRMED_TRIAGE_TRANSITIONS;

type Props = { params: Promise<{ id: string; transition: string }> };

export default async function ConfirmTriagePage({ params }: Props) {
  const user = await requireRole("CENTRE_STAFF");
  const raw = await params;
  const id = orNotFound(routeId(raw.id));
  const name = orNotFound(enumParam(TRANSITIONS, raw.transition));
  const change = await getPlanChange(user, id);
  if (!change) notFound();
  const confirmed = CONFIRMED_TRIAGE[name];
  // The reason is asked for on this page, so only the state, the role and the change's kind can stand in the way.
  const verdict = check(planChangeMachine, name, change.status, { ...planChangeContext(change, "-"), actor: user });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/delivery-plans", label: "Delivery plans" },
        { href: PLAN_CHANGES_LIST, label: "Changes" },
        { href: planChangeLink(change.id), label: change.plan.programmeTitle },
      ]}
      caption={`${change.organisation.name}: ${change.plan.programmeTitle}`}
      title={confirmed.title}
      action={triageChange}
      hidden={{ id: change.id, version: change.version, outcome: name }}
      reason={confirmed.reason}
      confirmLabel={confirmed.confirmLabel}
      recordHref={planChangeLink(change.id)}
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
