import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getCommission } from "@/lib/data/commissions";
import { enumParam, orNotFound, routeId } from "@/lib/params";
import { commissionMachine } from "@/lib/workflow";
import { cancelCommission, declineCommission } from "../../../actions";

export const metadata: Metadata = { title: "Confirm a change to a commission" };

const CONFIRMED = {
  decline: {
    title: "Decline this commission?",
    what: [
      "Your expert group will not develop this credential: a declined commission cannot be accepted later.",
      "Centre staff are told, and see your reason on the commission.",
    ],
    action: declineCommission,
    reason: { label: "Reason for declining this commission", hint: "For example, the group does not have the capacity this year." },
    confirmLabel: "Yes, decline this commission",
  },
  cancel: {
    title: "Cancel this commission?",
    what: [
      "The expert group can no longer accept it, and a cancelled commission cannot be issued again.",
      "The expert group is told, and sees your reason on the commission.",
    ],
    action: cancelCommission,
    reason: { label: "Reason for cancelling this commission" },
    confirmLabel: "Yes, cancel this commission",
  },
} as const;
const TRANSITIONS = Object.keys(CONFIRMED) as (keyof typeof CONFIRMED)[];

export default async function ConfirmCommissionChangePage({ params }: { params: Promise<{ id: string; transition: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "EXPERT");
  const raw = await params;
  const id = orNotFound(routeId(raw.id));
  const name = orNotFound(enumParam(TRANSITIONS, raw.transition));
  const c = await getCommission(user, id);
  if (!c) notFound();
  const confirmed = CONFIRMED[name];
  const record = `/commissions/${c.id}`;
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/commissions", label: "Commissions" },
        { href: record, label: c.title },
      ]}
      caption={c.organisation.name}
      title={confirmed.title}
      action={confirmed.action}
      hidden={{ id: c.id, version: c.version }}
      reason={confirmed.reason}
      confirmLabel={confirmed.confirmLabel}
      recordHref={record}
      refusal={
        c.available.includes(name) ? undefined : `This commission is ${commissionMachine.labels[c.status]}, so you cannot ${name} it now.`
      }
    >
      <ul className="list-disc pl-6">
        {confirmed.what.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ConfirmTransition>
  );
}
