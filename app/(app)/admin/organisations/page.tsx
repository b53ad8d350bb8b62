import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { bannerFor } from "@/lib/done";
import { BackLink, ButtonLink, PageHeading, Pagination, Table } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { listOrganisations } from "@/lib/data/organisations";
import { ORGANISATION_KIND_LABELS } from "@/lib/workflow/account";

export const metadata: Metadata = { title: "Organisations" };

const DONE: Record<string, string> = { created: "The organisation was added.", renamed: "The organisation was renamed." };

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<{ page?: string; done?: string }> }) {
  const user = await requireAdmin();
  const query = await searchParams;
  const { rows, total, page, pageCount } = await listOrganisations(user, query);
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading title="Organisations" lede="Everyone who signs in belongs to one of these organisations." />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <ButtonLink href="/admin/organisations/new" variant="secondary" className="mb-6">
        Add an organisation
      </ButtonLink>
      <Table
        caption={`${total} ${total === 1 ? "organisation" : "organisations"}`}
        rowHeader="name"
        columns={[
          { key: "name", header: "Organisation" },
          { key: "kind", header: "Kind" },
          { key: "people", header: "People", align: "right" },
        ]}
        rows={rows.map((o) => ({
          name: <Link href={`/admin/organisations/${o.id}`}>{o.name}</Link>,
          kind: ORGANISATION_KIND_LABELS[o.kind],
          people: String(o._count.users),
        }))}
        empty="No organisations yet."
      />
      <Pagination basePath="/admin/organisations" searchParams={{ page: query.page }} page={page} pageCount={pageCount} />
    </>
  );
}
