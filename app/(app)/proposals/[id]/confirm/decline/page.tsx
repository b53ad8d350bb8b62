import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getProposal } from "@/lib/data/proposals";
import { orNotFound, routeId } from "@/lib/params";
import { check, gatewayProposalMachine } from "@/lib/workflow";
import { declineProposal } from "../../../actions";

export const metadata: Metadata = { title: "Decline a gateway proposal" };

export default async function ConfirmDeclineProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const p = await getProposal(user, orNotFound(routeId((await params).id)));
  if (!p) notFound();
  const record = `/proposals/${p.id}`;
  // The reason is asked for on this page, so only the state and the assessment decide whether it can go ahead.
  const verdict = check(gatewayProposalMachine, "decline", p.status, { ...p.context, reason: "given below", actor: user });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/proposals", label: "Gateway proposals" },
        { href: record, label: p.title },
      ]}
      caption={`Proposed by ${p.organisation.name}`}
      title="Decline this proposal?"
      action={declineProposal}
      hidden={{ id: p.id, version: p.version }}
      reason={{ label: "Reason for declining this proposal", hint: "The proposer sees this with your assessment of each criterion." }}
      confirmLabel="Yes, decline this proposal"
      recordHref={record}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>A declined proposal cannot be reopened; the proposer can make a new proposal.</li>
        <li>The proposer sees your reason, your feedback and your assessment of each criterion.</li>
      </ul>
    </ConfirmTransition>
  );
}
