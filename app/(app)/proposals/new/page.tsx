import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { evidenceFormParts, ProposalFields } from "@/components/proposals/ProposalFields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { criteriaForNewProposal } from "@/lib/data/proposals";
import { createProposal } from "../actions";

export const metadata: Metadata = { title: "Propose an area of practice" };

export default async function NewProposalPage() {
  await requireRole("EXPERT", "PROVIDER");
  const gateway = await criteriaForNewProposal();
  if (!gateway) {
    return (
      <>
        <BackLink href="/proposals">Back to proposals</BackLink>
        <PageHeading title="Propose an area of practice" />
        <InsetText>
          <p>The Centre has not yet published the gateway criteria that proposals are made against. Try again later.</p>
        </InsetText>
      </>
    );
  }
  const { set, criteria } = gateway;
  const { hidden, labels } = evidenceFormParts(criteria);
  return (
    <>
      <BackLink href="/proposals">Back to proposals</BackLink>
      <PageHeading
        title="Propose an area of practice"
        lede={`Say what the credential would cover and why it is needed, with your evidence against each gateway criterion (${set.name}). It is saved as a draft; you submit it to the Centre when it is complete.`}
      />
      <ActionForm action={createProposal} hidden={hidden} labels={labels} submitLabel="Save draft proposal">
        <ProposalFields criteria={criteria} />
      </ActionForm>
    </>
  );
}
