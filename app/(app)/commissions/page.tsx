import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listCommissions } from "@/lib/data/commissions";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Commissions" };

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "EXPERT");
  const { status } = await searchParams;
  const commissions = await listCommissions(user, { status });
  return (
    <>
      <PageHeading
        title="Commissions"
        lede={user.role === "EXPERT" ? "Commissions issued to your expert group." : "Expert groups commissioned to develop credential specifications. To commission one, open a priority that has passed the gateway."}
      />
      <Table
        caption={`${commissions.length} ${commissions.length === 1 ? "commission" : "commissions"}`}
        columns={[
          { key: "title", header: "Commission" },
          { key: "priority", header: "Priority" },
          { key: "organisation", header: "Expert group" },
          { key: "due", header: "Due" },
          { key: "status", header: "Status" },
        ]}
        rowHeader="title"
        rows={commissions.map((c) => ({
          title: <Link href={`/commissions/${c.id}`}>{c.title}</Link>,
          priority: c.priority.title,
          organisation: c.organisation.name,
          due: formatDate(c.dueOn),
          status: <StatusTag status={c.status} />,
        }))}
        empty="No commissions."
      />
    </>
  );
}
