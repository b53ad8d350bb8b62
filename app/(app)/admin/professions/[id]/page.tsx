import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading, SummaryList } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { listProfessions } from "@/lib/data/practitioners";
import { orNotFound, routeId } from "@/lib/params";
import { renameProfession, retireProfession } from "../actions";

export const metadata: Metadata = { title: "Profession" };

export default async function ProfessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAdmin();
  const id = orNotFound(routeId((await params).id));
  const profession = (await listProfessions(user)).find((p) => p.id === id);
  if (!profession) notFound();
  const hidden = { id: profession.id, version: profession.version };
  return (
    <>
      <BackLink href="/admin/professions">Professions</BackLink>
      <PageHeading caption="Profession" title={profession.name} />
      <SummaryList
        rows={[
          { key: "Regulator", value: profession.regulator },
          { key: "Status", value: profession.retiredAt ? "Retired: not offered for new practitioners" : "In use" },
          { key: "Practitioners", value: String(profession._count.practitioners) },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">Rename</h2>
      <ActionForm action={renameProfession} hidden={hidden} submitLabel="Rename profession" labels={{ name: "New name" }}>
        <FormTextInput name="name" label="New name" defaultValue={profession.name} className="md:w-1/2" />
      </ActionForm>
      <h2 className="mb-4 text-2xl font-bold">{profession.retiredAt ? "Bring back into use" : "Retire"}</h2>
      <ActionForm
        action={retireProfession}
        hidden={{ ...hidden, retire: profession.retiredAt ? "no" : "yes" }}
        submitLabel={profession.retiredAt ? "Bring back into use" : "Retire profession"}
        submitVariant="secondary"
      />
    </>
  );
}
