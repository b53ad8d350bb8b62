import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { QualityActionStatus } from "@/components/quality/QualityActionStatus";
import { Breadcrumbs, PageHeading, SuccessBanner, SummaryList } from "@/components/ui";
import { transitionBanner } from "@/lib/done";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { getQualityAction } from "@/lib/data/quality";
import { formatDate } from "@/lib/format";
import { FINDING_RATING_LABELS, qualityActionMachine, STANDARD_AREA_LABELS } from "@/lib/workflow";
import { closeQualityAction, reopenQualityAction, respondToQualityAction } from "../../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Quality action" };

const NEXT = {
  respond: "The reviewers have been notified and will close the action or reopen it.",
  close: "Nothing more is needed from the provider on this action.",
  reopen: "The provider has been notified of what they still need to do.",
};

export default async function QualityActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; actionId: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER", "REVIEWER");
  const { id: rawId, actionId } = await params;
  const id = orNotFound(routeId(rawId));
  const query = await searchParams;
  const action = await getQualityAction(user, id, orNotFound(routeId(actionId)));
  if (!action) notFound();
  const { review, finding } = action;
  const common = { id: action.id, version: action.version };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/quality-reviews", label: "Quality" },
          { href: `/quality-reviews/${review.id}`, label: `Quality review: ${review.plan.programmeTitle}` },
        ]}
      />
      <SuccessBanner banner={transitionBanner(qualityActionMachine, query.done, NEXT)} />
      <PageHeading caption={review.plan.organisation.name} title="Quality action" />
      <p className="mb-6">
        <QualityActionStatus status={action.status} dueOn={action.dueOn} now={new Date()} />
      </p>
      <SummaryList
        rows={[
          { key: "Action", value: action.description },
          { key: "Due", value: formatDate(action.dueOn) },
          { key: "Finding", value: `${STANDARD_AREA_LABELS[finding.area]}: ${FINDING_RATING_LABELS[finding.rating]}` },
          { key: "Evidence", value: finding.evidence },
          { key: "Provider's response", value: action.response ?? "No response yet" },
          ...(action.reason ? [{ key: "Reason reopened", value: action.reason }] : []),
        ]}
      />
      {action.can.includes("respond") ? (
        <ActionForm
          action={respondToQualityAction}
          hidden={{ id: action.id, version: action.version }}
          submitLabel="Send response"
          labels={{ response: "Your response" }}
        >
          <FormTextArea
            name="response"
            label="Your response"
            hint="What you have done, with evidence. The reviewers are notified."
            defaultValue={action.response}
            rows={5}
          />
        </ActionForm>
      ) : null}
      {action.can.includes("close") ? <TransitionButton action={closeQualityAction} {...common} submitLabel="Close action" /> : null}
      {action.can.includes("reopen") ? (
        <ReasonForm
          action={reopenQualityAction}
          {...common}
          submitLabel="Reopen action"
          submitVariant="secondary"
          label="Reason for reopening"
          hint="What the provider still needs to do."
        />
      ) : null}
      <History entityIds={[action.id]} basePath={`/quality-reviews/${id}/actions/${actionId}`} searchParams={query} />
    </>
  );
}
