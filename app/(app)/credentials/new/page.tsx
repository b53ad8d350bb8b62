import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormSelect, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listExpertGroups } from "@/lib/data/organisations";
import { CREDENTIAL_ORIGIN_LABELS } from "@/lib/workflow";
import { registerPilotCredential } from "../actions";

export const metadata: Metadata = { title: "Register a pilot resource" };

const PHASES = [
  {
    value: "PILOT_PHASE_1",
    label: CREDENTIAL_ORIGIN_LABELS.PILOT_PHASE_1,
    hint: "Its specification is entered and it goes straight to endorsement review.",
  },
  {
    value: "PILOT_PHASE_2",
    label: CREDENTIAL_ORIGIN_LABELS.PILOT_PHASE_2,
    hint: "An expert group drafts its specification first, then submits it for endorsement review.",
  },
];

export default async function RegisterPilotPage() {
  await requireRole("CENTRE_STAFF");
  const groups = await listExpertGroups();
  return (
    <>
      <BackLink href="/credentials">Back to credentials</BackLink>
      <PageHeading
        title="Register a pilot resource"
        lede="The endorsement pilot takes resources that expert groups have already developed, or are developing, into endorsement review."
      />
      <ActionForm action={registerPilotCredential} submitLabel="Register resource">
        <FormTextInput name="title" label="Title" />
        <FormTextArea name="summary" label="Summary (optional)" rows={3} />
        <FormSelect
          name="organisationId"
          label="Owning expert group"
          placeholder="Choose an expert group"
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <FormRadios name="phase" label="Pilot phase" options={PHASES} />
      </ActionForm>
    </>
  );
}
