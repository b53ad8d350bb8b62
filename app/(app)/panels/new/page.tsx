import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormDateInput, FormRadios, FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { panelMemberCandidates } from "@/lib/data/panel-reads";
import { ROLE_LABELS } from "@/lib/workflow";
import { scheduleMeeting } from "../actions";

export const metadata: Metadata = { title: "Schedule a panel meeting" };

export default async function NewPanelPage() {
  const user = await requireRole("CENTRE_STAFF");
  const people = await panelMemberCandidates(user);
  const options = people.map((p) => ({
    value: p.id,
    label: p.name,
    hint: `${ROLE_LABELS[p.role]}${p.organisation ? `, ${p.organisation.name}` : ""}`,
  }));
  return (
    <>
      <BackLink href="/panels">Back to endorsement panels</BackLink>
      <PageHeading
        title="Schedule a panel meeting"
        lede="Choose the members, who chairs, and how many members must attend for the panel to make recommendations."
      />
      <ActionForm
        action={scheduleMeeting}
        submitLabel="Schedule meeting"
        labels={{ title: "Title", meetsOn: "Date of the meeting", memberIds: "Members", chairId: "Chair", quorum: "Quorum" }}
      >
        <FormTextInput name="title" label="Title" hint="For example, Endorsement panel, March 2027" />
        <FormDateInput name="meetsOn" label="Date of the meeting" />
        <FormCheckboxes name="memberIds" label="Members" hint="Centre staff and reviewers." options={options} />
        <FormRadios
          name="chairId"
          label="Chair"
          hint="The chair must be one of the members."
          options={options.map(({ value, label }) => ({ value, label }))}
        />
        <FormTextInput
          name="quorum"
          label="Quorum"
          hint="How many members must attend for the panel to make recommendations: at least 1, and no more than the members."
          inputMode="numeric"
          className="w-20"
        />
      </ActionForm>
    </>
  );
}
