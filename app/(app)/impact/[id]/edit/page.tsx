import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { ImpactReturnFields, impactFieldLabels } from "@/components/impact/ImpactReturnFields";
import { Breadcrumbs, PageHeading, WarningCallout } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getImpactReturn, professionsForImpactReturn } from "@/lib/data/impact-returns";
import { editImpactReturn } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Edit impact return" };

export default async function EditImpactReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("PROVIDER");
  const r = await getImpactReturn(user, orNotFound(routeId((await params).id)));
  if (!r || !r.can.includes("edit")) notFound();
  const professions = await professionsForImpactReturn(r.id);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/impact", label: "Impact" },
          { href: `/impact/${r.id}`, label: `${r.plan.programmeTitle}, ${r.period}` },
        ]}
      />
      <PageHeading caption={`${r.credential.reference} ${r.credential.title}`} title={`Edit impact return: ${r.plan.programmeTitle}`} />
      {r.status === "QUERIED" && r.queryReason ? (
        <WarningCallout heading="The Centre has queried this return">
          <p>{r.queryReason}</p>
        </WarningCallout>
      ) : null}
      <ActionForm
        action={editImpactReturn}
        hidden={{ id: r.id, version: r.version }}
        submitLabel="Save changes"
        labels={impactFieldLabels(r)}
      >
        <ImpactReturnFields values={r} professions={professions} />
      </ActionForm>
    </>
  );
}
