import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading, StatusTag, Table } from "@/components/ui";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { requireAdmin } from "@/lib/auth/session";
import { listProfessions } from "@/lib/data/practitioners";
import { bannerFor } from "@/lib/done";
import { createProfession } from "./actions";

export const metadata: Metadata = { title: "Professions" };

const DONE: Record<string, string> = {
  created: "The profession was added to the list.",
  renamed: "The profession was renamed.",
  changed: "The profession was updated.",
};

export default async function ProfessionsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAdmin();
  const [query, professions] = await Promise.all([searchParams, listProfessions(user)]);
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading
        title="Professions"
        lede="The regulated professions practitioners are recorded in. A retired profession is no longer offered for new practitioners; those who have it keep it."
      />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <Table
        caption={`${professions.length} ${professions.length === 1 ? "profession" : "professions"}`}
        rowHeader="name"
        columns={[
          { key: "name", header: "Profession" },
          { key: "regulator", header: "Regulator" },
          { key: "status", header: "Status" },
          { key: "practitioners", header: "Practitioners", align: "right" },
        ]}
        rows={professions.map((p) => ({
          name: <Link href={`/admin/professions/${p.id}`}>{p.name}</Link>,
          regulator: p.regulator,
          status: p.retiredAt ? <StatusTag status="WITHDRAWN" label="Retired" /> : <StatusTag status="ACTIVE" label="In use" />,
          practitioners: String(p._count.practitioners),
        }))}
        empty="No professions on the list yet."
      />
      <h2 className="mb-4 text-2xl font-bold">Add a profession</h2>
      <ActionForm action={createProfession} submitLabel="Add profession" labels={{ name: "Profession", regulator: "Regulator" }}>
        <FormTextInput name="name" label="Profession" hint="As the practice is named, for example Physiotherapy." className="md:w-1/2" />
        <FormTextInput name="regulator" label="Regulator" hint="For example HCPC, NMC or GPhC." className="md:w-1/4" />
      </ActionForm>
    </>
  );
}
