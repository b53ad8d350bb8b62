import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { agendaItemContext } from "@/lib/data/panels";
import { meetingFor } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { check, panelAgendaItemMachine } from "@/lib/workflow";
import { withdrawFromAgenda } from "../../../../actions";

export const metadata: Metadata = { title: "Take a specification off the agenda" };

type Props = { params: Promise<{ id: string; itemId: string }> };

export default async function ConfirmWithdrawFromAgendaPage({ params }: Props) {
  const user = await requireRole("CENTRE_STAFF");
  const raw = await params;
  const m = await meetingFor(user, orNotFound(routeId(raw.id)));
  const itemId = orNotFound(routeId(raw.itemId));
  const item = m?.items.find((i) => i.id === itemId);
  if (!m || !item) notFound();
  const record = `/panels/${m.id}`;
  const v = item.review.specificationVersion;
  const name = `${v.credential.reference} ${v.credential.title}, version ${v.number}`;
  // The reason is asked for on this page, so only the item's state and its meeting's can stand in the way.
  const verdict = check(panelAgendaItemMachine, "withdraw", item.status, {
    ...agendaItemContext(m, item.review.status, { reason: "given below" }),
    actor: user,
  });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/panels", label: "Endorsement panels" },
        { href: record, label: m.title },
      ]}
      caption={`Endorsement panel on ${formatDate(m.meetsOn)}`}
      title={`Take ${name} off the agenda?`}
      action={withdrawFromAgenda}
      hidden={{ id: item.id, version: item.version }}
      reason={{ label: "Reason for taking it off the agenda", hint: "Shown on the meeting's page and in its history." }}
      confirmLabel="Yes, take it off the agenda"
      recordHref={record}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>The panel will not consider it at this meeting, and it leaves the panel pack.</li>
        <li>It can then be put on another meeting&apos;s agenda, or on this one&apos;s again.</li>
      </ul>
    </ConfirmTransition>
  );
}
