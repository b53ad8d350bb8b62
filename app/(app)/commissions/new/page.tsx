import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormSelect, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { whyNotCommissionable } from "@/lib/data/commissions";
import { listExpertGroups } from "@/lib/data/organisations";
import { getPriority } from "@/lib/data/priorities";
import { createCommission } from "../actions";
import { routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Commission an expert group" };

export default async function NewCommissionPage({ searchParams }: { searchParams: Promise<{ priority?: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const priorityId = routeId((await searchParams).priority);
  const priority = priorityId ? await getPriority(user, priorityId) : null;
  if (!priority) notFound();
  const refusal = whyNotCommissionable(user, priority);
  const groups = await listExpertGroups();
  return (
    <>
      <BackLink href={`/priorities/${priority.id}`}>Back to the priority</BackLink>
      <PageHeading
        caption={priority.title}
        title="Commission an expert group"
        lede="The commission is saved as a draft. Issue it from the next page to send it to the expert group."
      />
      {refusal ? (
        <InsetText>
          <p>{refusal}</p>
        </InsetText>
      ) : (
        <ActionForm action={createCommission} hidden={{ priorityId: priority.id }} submitLabel="Save draft commission">
          <FormSelect
            name="organisationId"
            label="Expert group"
            placeholder="Choose an expert group"
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
          <FormTextInput
            name="title"
            label="Title"
            hint="Usually the working title of the credential."
            defaultValue={`${priority.title} credential`}
          />
          <FormTextArea name="brief" label="Brief" hint="What the expert group is asked to develop, and for whom." />
          <FormTextArea name="deliverables" label="Deliverables" />
          <FormDateInput name="startsOn" label="Start date" />
          <FormDateInput name="dueOn" label="Due date" />
        </ActionForm>
      )}
    </>
  );
}
