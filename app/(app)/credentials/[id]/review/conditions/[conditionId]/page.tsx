import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormTextArea } from "@/components/forms/Fields";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { ReasonForm } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { endorsementReviewFor } from "@/lib/data/endorsement-review-reads";
import { markConditionMet, reopenCondition, setConditionDueDate } from "../../actions";
import { formatDate } from "@/lib/format";
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
      <PageHeading caption="Condition of endorsement" title={open ? "Endorsement condition" : "Reopen condition"} />
      <InsetText>
        <p>{condition.text}</p>
      </InsetText>
      {open ? (
        <>
          <section aria-labelledby="due-heading" className="mb-10">
            <h2 id="due-heading" className="mb-4 text-2xl font-bold">
              When it is due
            </h2>
            <p className="mb-4">
              {condition.dueOn
                ? `Due by ${formatDate(condition.dueOn)}. The credential can be published before then; the catalogue shows the condition as open until it is met.`
                : "Due before the credential is published: it cannot be published until this condition is met."}
            </p>
            <ActionForm
              action={setConditionDueDate}
              hidden={{ id: condition.id, version: condition.version }}
              submitLabel="Save due date"
              submitVariant="secondary"
              labels={{ dueOn: "Due date" }}
            >
              <FormDateInput
                name="dueOn"
                label="Due date"
                hint="Give a date after launch if the credential may be published first. Leave blank if it must be met before publication. For example, 15 3 2027"
                defaultValue={condition.dueOn}
              />
            </ActionForm>
          </section>
          <section aria-labelledby="met-heading">
            <h2 id="met-heading" className="mb-4 text-2xl font-bold">
              Mark as met
            </h2>
            <ActionForm action={markConditionMet} hidden={{ id: condition.id, version: condition.version }} submitLabel="Mark as met">
              <FormTextArea
                name="note"
                label="How was the condition met?"
                hint="Recorded in the history and sent to the expert group."
                rows={4}
              />
            </ActionForm>
          </section>
        </>
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
