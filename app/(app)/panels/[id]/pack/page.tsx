import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PackItem } from "@/components/panels/PackItem";
import { BackLink, PageHeading, SummaryList } from "@/components/ui";
import { PrintButton } from "@/components/ui/PrintButton";
import { requireRole } from "@/lib/auth/session";
import { panelPack } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Panel pack" };

/** The papers for a panel meeting, print-friendly like the catalogue's credential page: one section per agenda item. */
export default async function PanelPackPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const pack = await panelPack(user, orNotFound(routeId((await params).id)));
  if (!pack) notFound();
  return (
    <article>
      <BackLink href={`/panels/${pack.id}`}>Back to the meeting</BackLink>
      <PageHeading caption="Endorsement panel pack" title={pack.title} />
      <SummaryList
        rows={[
          { key: "Date", value: formatDate(pack.meetsOn) },
          { key: "Members", value: pack.members.map((m) => `${m.user.name}${m.chair ? " (chair)" : ""}`).join(", ") },
          { key: "Quorum", value: `${pack.quorum} of ${pack.members.length} members` },
          { key: "Agenda items", value: String(pack.items.length) },
        ]}
      />
      <div className="no-print mb-8">
        <PrintButton />
      </div>
      {pack.items.length === 0 ? <p>Nothing is on the agenda yet.</p> : null}
      {pack.items.map((item, i) => (
        <PackItem key={item.review.id} item={item} position={i + 1} />
      ))}
    </article>
  );
}
