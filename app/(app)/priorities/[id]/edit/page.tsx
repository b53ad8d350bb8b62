import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { PriorityFields } from "@/components/priorities/PriorityFields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getPriority } from "@/lib/data/priorities";
import { priorityMachine } from "@/lib/workflow";
import { editPriority } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Edit priority" };

export default async function EditPriorityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const p = await getPriority(user, orNotFound(routeId((await params).id)));
  if (!p) notFound();
  return (
    <>
      <BackLink href={`/priorities/${p.id}`}>Back to the priority</BackLink>
      <PageHeading caption={`Round ${p.round.name}`} title="Edit priority" />
      {p.available.includes("edit") ? (
        <ActionForm action={editPriority} hidden={{ id: p.id, version: p.version }} submitLabel="Save changes">
          <PriorityFields values={p} />
        </ActionForm>
      ) : (
        <InsetText>
          <p>This priority is {priorityMachine.labels[p.status]}, so it cannot be edited.</p>
        </InsetText>
      )}
    </>
  );
}
