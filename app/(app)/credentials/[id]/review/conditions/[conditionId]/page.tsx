import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { ReasonForm } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { endorsementReviewFor } from "@/lib/data/endorsement-reviews";
import { markConditionMet, reopenCondition } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Endorsement condition" };

/** Staff mark one endorsement condition as met (saying how), or reopen it (saying why). */
export default async function ConditionPage({ params }: { params: Promise<{ id: string; conditionId: string }> }) {
  const { id: rawId, conditionId } = await params;
  const id = orNotFound(routeId(rawId));
  const user = await requireRole("CENTRE_STAFF");
  const condition = (await endorsementReviewFor(user, id))?.conditions.find((c) => c.id === conditionId);
  if (!condition) notFound();
  const open = condition.status === "OPEN";
  return (
    <>
      <BackLink href={`/credentials/${id}/review`}>Back to the endorsement review</BackLink>
      <PageHeading title={open ? "Mark condition as met" : "Reopen condition"} />
      <InsetText>
        <p>{condition.text}</p>
      </InsetText>
      {open ? (
        <ActionForm action={markConditionMet} hidden={{ id: condition.id, version: condition.version }} submitLabel="Mark as met">
          <FormTextArea
            name="note"
            label="How was the condition met?"
            hint="Recorded in the history and sent to the expert group."
            rows={4}
          />
        </ActionForm>
      ) : (
        <ReasonForm
          action={reopenCondition}
          id={condition.id}
          version={condition.version}
          submitLabel="Reopen condition"
          label="Why is the condition being reopened?"
        />
      )}
    </>
  );
}
