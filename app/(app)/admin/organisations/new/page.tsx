import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { ORGANISATION_KIND_LABELS } from "@/lib/workflow/account";
import { createOrganisation } from "../actions";

export const metadata: Metadata = { title: "Add an organisation" };

export default async function NewOrganisationPage() {
  await requireAdmin();
  return (
    <>
      <BackLink href="/admin/organisations">Organisations</BackLink>
      <PageHeading title="Add an organisation" />
      <ActionForm action={createOrganisation} submitLabel="Add organisation" labels={{ name: "Name", kind: "Kind of organisation" }}>
        <FormTextInput name="name" label="Name" hint="As the organisation calls itself, for example University of Northbridge." />
        <FormRadios
          name="kind"
          label="Kind of organisation"
          options={Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </ActionForm>
    </>
  );
}
