import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getPriority } from "@/lib/data/priorities";
import { orNotFound, routeId } from "@/lib/params";
import { priorityMachine } from "@/lib/workflow";
import { closePriority } from "../../../actions";

export const metadata: Metadata = { title: "Close a priority" };

export default async function ConfirmClosePriorityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const p = await getPriority(user, id);
  if (!p) notFound();
  const record = `/priorities/${p.id}`;
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: `/priorities/rounds/${p.round.id}`, label: `Round ${p.round.name}` },
        { href: record, label: p.title },
      ]}
      caption={`Round ${p.round.name}`}
      title="Close this priority?"
      action={closePriority}
      hidden={{ id: p.id, version: p.version }}
      reason={{ label: "Reason for closing this priority", hint: "For example, the need has been met, or it was dropped and why." }}
      confirmLabel="Yes, close this priority"
      recordHref={record}
      refusal={
        p.available.includes("close") ? undefined : `This priority is ${priorityMachine.labels[p.status]}, so it cannot be closed now.`
      }
    >
      <ul className="list-disc pl-6">
        <li>A closed priority cannot be reopened, and no new commissions can be made for it.</li>
        <li>Commissions already made for it carry on.</li>
        <li>Everyone who can see the priority sees your reason.</li>
      </ul>
    </ConfirmTransition>
  );
}
