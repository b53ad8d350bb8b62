import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { meetingFor } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { check, panelMeetingMachine } from "@/lib/workflow";
import { cancelMeeting } from "../../../actions";

export const metadata: Metadata = { title: "Cancel a panel meeting" };

export default async function ConfirmCancelMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const m = await meetingFor(user, orNotFound(routeId((await params).id)));
  if (!m) notFound();
  const record = `/panels/${m.id}`;
  const verdict = check(panelMeetingMachine, "cancel", m.status, { ...m.context, reason: "given below", actor: user });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/panels", label: "Endorsement panels" },
        { href: record, label: m.title },
      ]}
      caption={`Endorsement panel on ${formatDate(m.meetsOn)}`}
      title="Cancel this panel meeting?"
      action={cancelMeeting}
      hidden={{ id: m.id, version: m.version }}
      reason={{ label: "Reason for cancelling", hint: "The panel's members are told, with this reason." }}
      confirmLabel="Yes, cancel this meeting"
      recordHref={record}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>The meeting is cancelled for good; schedule a new one if the panel is to meet another day.</li>
        <li>Its agenda items can be put on another meeting&apos;s agenda.</li>
      </ul>
    </ConfirmTransition>
  );
}
