import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { BackLink, PageHeading, SummaryList } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import type { QueryParams } from "@/lib/data/paging";
import { organisationForEdit } from "@/lib/data/organisations";
import { orNotFound, routeId } from "@/lib/params";
import { ORGANISATION_KIND_LABELS } from "@/lib/workflow/account";
import { renameOrganisation } from "../actions";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireAdmin();
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const org = await organisationForEdit(user, id);
  if (!org) notFound();
  return (
    <>
      <BackLink href="/admin/organisations">Organisations</BackLink>
      <PageHeading caption="Organisation" title={org.name} />
      <SummaryList rows={[{ key: "Kind", value: ORGANISATION_KIND_LABELS[org.kind] }]} />
      <h2 className="mb-4 text-2xl font-bold">Rename</h2>
      <ActionForm
        action={renameOrganisation}
        hidden={{ id: org.id, seenAt: org.updatedAt.toISOString() }}
        submitLabel="Rename organisation"
        labels={{ name: "New name" }}
      >
        <FormTextInput name="name" label="New name" defaultValue={org.name} />
      </ActionForm>
      <History entityIds={[org.id]} basePath={`/admin/organisations/${org.id}`} searchParams={query} />
    </>
  );
}
