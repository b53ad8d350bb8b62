import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormSelect } from "@/components/forms/Fields";
import { PriorityFields } from "@/components/priorities/PriorityFields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getProposal, openRounds } from "@/lib/data/proposals";
import { orNotFound, routeId } from "@/lib/params";
import { check, gatewayProposalMachine } from "@/lib/workflow";
import { acceptProposal } from "../../actions";

export const metadata: Metadata = { title: "Accept a proposal into a priority round" };

export default async function AcceptProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const p = await getProposal(user, orNotFound(routeId((await params).id)));
  if (!p) notFound();
  const rounds = await openRounds(user);
  const verdict = check(gatewayProposalMachine, "accept", p.status, { ...p.context, actor: user });
  const refusal = !verdict.ok ? verdict.reason : rounds.length === 0 ? "No priority round is open; open one under Priorities first." : null;
  return (
    <>
      <BackLink href={`/proposals/${p.id}`}>Back to the proposal</BackLink>
      <PageHeading
        caption={`Proposed by ${p.organisation.name}`}
        title="Accept into a priority round"
        lede="The proposal becomes a draft priority at the bottom of the round you choose. Complete the priority's details; you can edit them later and publish it when the round's priorities are settled."
      />
      {refusal ? (
        <InsetText>
          <p>{refusal}</p>
        </InsetText>
      ) : (
        <ActionForm action={acceptProposal} hidden={{ id: p.id, version: p.version }} submitLabel="Accept and create the priority">
          <FormSelect
            name="roundId"
            label="Priority round"
            placeholder="Choose an open round"
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
          />
          <PriorityFields values={{ title: p.title, workforceNeed: p.needSummary }} />
        </ActionForm>
      )}
    </>
  );
}
