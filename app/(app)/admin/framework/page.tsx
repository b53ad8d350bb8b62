import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { BackLink, PageHeading, Table } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { frameworkEditions } from "@/lib/data/capability-mapping";

export const metadata: Metadata = { title: "Capability framework" };

export default async function FrameworkEditionsPage() {
  const user = await requireAdmin();
  const editions = await frameworkEditions(user);
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading
        title="Capability framework"
        lede="The editions of the multi-professional framework that specifications are drafted against, and their core capabilities. New specifications use the current edition."
      />
      <Table
        caption={`${editions.length} ${editions.length === 1 ? "edition" : "editions"}`}
        rowHeader="title"
        columns={[
          { key: "title", header: "Edition" },
          { key: "current", header: "Used for new specifications" },
          { key: "capabilities", header: "Core capabilities", align: "right" },
          { key: "source", header: "Source" },
        ]}
        rows={editions.map((e) => ({
          title: <Link href={`/admin/framework/${e.id}`}>{`${e.title} (${e.year})`}</Link>,
          current: e.isCurrent ? "Yes, the current edition" : "No",
          capabilities: String(e._count.capabilities),
          source: <a href={e.sourceUrl}>{e.sourceTitle}</a>,
        }))}
        empty="No editions yet."
      />
    </>
  );
}
