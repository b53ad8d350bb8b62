import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { BackLink, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import type { QueryParams } from "@/lib/data/paging";
import { coreCapabilityForEdit } from "@/lib/data/capability-mapping";
import { orNotFound, routeId } from "@/lib/params";
import { PILLAR_LABELS } from "@/lib/workflow";
import { updateCoreCapability } from "../../actions";

export const metadata: Metadata = { title: "Core capability" };

export default async function CoreCapabilityPage({
  params,
  searchParams,
}: {
  params: Promise<{ editionId: string; capabilityId: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireAdmin();
  const [{ editionId, capabilityId }, query] = await Promise.all([params, searchParams]);
  const capability = await coreCapabilityForEdit(user, orNotFound(routeId(editionId)), orNotFound(routeId(capabilityId)));
  if (!capability) notFound();
  const path = `/admin/framework/${capability.edition.id}/${capability.id}`;
  return (
    <>
      <BackLink href={`/admin/framework/${capability.edition.id}`}>{`${capability.edition.title} (${capability.edition.year})`}</BackLink>
      <PageHeading caption={PILLAR_LABELS[capability.pillar]} title={`Capability ${capability.number}`} />
      <p>
        Write the summary in your own words; the framework&rsquo;s text is at{" "}
        <a href={capability.edition.sourceUrl}>{capability.edition.sourceTitle}</a>.
      </p>
      <ActionForm
        action={updateCoreCapability}
        hidden={{ id: capability.id, version: capability.version }}
        submitLabel="Save summary"
        labels={{ summary: "Summary" }}
      >
        <FormTextArea name="summary" label="Summary" rows={3} defaultValue={capability.summary} />
      </ActionForm>
      <History entityIds={[capability.id]} basePath={path} searchParams={query} />
    </>
  );
}
