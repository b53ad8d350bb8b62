import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getRound } from "@/lib/data/priorities";
import { orNotFound, routeId } from "@/lib/params";
import { priorityRoundMachine } from "@/lib/workflow";
import { closeRound } from "../../../../actions";

export const metadata: Metadata = { title: "Close a priority round" };

export default async function ConfirmCloseRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const round = await getRound(user, id);
  if (!round) notFound();
  const record = `/priorities/rounds/${round.id}`;
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/priorities", label: "Priorities" },
        { href: record, label: `Round ${round.name}` },
      ]}
      caption="Priority round"
      title={`Close round ${round.name}?`}
      action={closeRound}
      hidden={{ id: round.id, version: round.version }}
      reason={{
        label: "Reason for closing this round",
        hint: "For example, the round's priorities are settled and the next round is open.",
      }}
      confirmLabel="Yes, close this round"
      recordHref={record}
      refusal={
        round.available.includes("close")
          ? undefined
          : `This round is ${priorityRoundMachine.labels[round.status]}, so it cannot be closed now.`
      }
    >
      <ul className="list-disc pl-6">
        <li>A closed round cannot be reopened, and no priorities can be added to it or reordered.</li>
        <li>Its priorities keep their status; published ones can still be commissioned.</li>
      </ul>
    </ConfirmTransition>
  );
}
