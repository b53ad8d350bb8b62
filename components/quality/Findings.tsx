import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormRadios, FormSelect, FormTextArea } from "@/components/forms/Fields";
import { Pagination, StatusTag, Table, type PaginationProps } from "@/components/ui";
import { formatDate } from "@/lib/format";
import {
  FINDING_RATING_LABELS,
  FINDING_RATINGS,
  STANDARD_AREA_LABELS,
  STANDARD_AREAS,
  type FindingRating,
  type QualityActionStatus as Status,
  type StandardArea,
} from "@/lib/workflow";
import { raiseQualityAction, recordFinding } from "@/app/(app)/quality-reviews/actions";
import { QualityActionStatus } from "./QualityActionStatus";

type Finding = {
  id: string;
  area: StandardArea;
  rating: FindingRating;
  evidence: string;
  actions: { id: string; description: string; dueOn: Date; status: Status; response: string | null }[];
  /** How many actions the finding raised in all. */
  actionCount: number;
};

const RATING_TAG: Record<FindingRating, string> = {
  GOOD: "MET",
  SATISFACTORY: "MET",
  REQUIRES_IMPROVEMENT: "REQUIRES_IMPROVEMENT",
  INADEQUATE: "NOT_MET",
};
const findingName = (f: Finding) => `${STANDARD_AREA_LABELS[f.area]}: ${FINDING_RATING_LABELS[f.rating]}`;

type Props = {
  reviewId: string;
  /** One page of the review's findings. */
  findings: Finding[];
  total: number;
  paging: Pick<PaginationProps, "basePath" | "searchParams" | "page" | "pageCount">;
  /** The review's transitions this user may make now (`recordFinding` and `raiseAction` show the forms). */
  can: readonly string[];
  now: Date;
};

/** The review's findings per standard area, each with the actions it raised; recording forms while it is in progress. */
export function Findings({ reviewId, findings, total, paging, can, now }: Props) {
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings{total > 0 ? ` (${total})` : ""}</h2>
      {total === 0 ? <p>No findings have been recorded yet.</p> : null}
      {findings.map((f) => (
        <div key={f.id} className="mb-8 border border-nhs-grey-4 bg-white p-4 md:p-6">
          <h3 className="mb-3">
            {STANDARD_AREA_LABELS[f.area]} <StatusTag status={RATING_TAG[f.rating]} label={FINDING_RATING_LABELS[f.rating]} />
          </h3>
          <p className="whitespace-pre-line">{f.evidence}</p>
          <Table
            caption={`Actions raised by the ${STANDARD_AREA_LABELS[f.area].toLowerCase()} finding`}
            captionHidden
            columns={[
              { key: "description", header: "Action" },
              { key: "due", header: "Due" },
              { key: "status", header: "Status" },
            ]}
            rows={f.actions.map((a) => ({
              description: <Link href={`/quality-reviews/${reviewId}/actions/${a.id}`}>{a.description}</Link>,
              due: formatDate(a.dueOn),
              status: <QualityActionStatus status={a.status} dueOn={a.dueOn} now={now} />,
            }))}
            empty="No actions raised."
          />
          {f.actionCount > f.actions.length ? (
            <p>
              Showing the first {f.actions.length} of {f.actionCount} actions.{" "}
              <Link href={`/quality-reviews?finding=${f.id}`}>View all {f.actionCount} actions raised by this finding</Link>
            </p>
          ) : null}
        </div>
      ))}
      <Pagination {...paging} param="findings" label="Findings pages" />
      {can.includes("recordFinding") ? (
        <>
          <h3>Record a finding</h3>
          <ActionForm
            action={recordFinding}
            hidden={{ id: reviewId }}
            submitLabel="Record finding"
            labels={{ area: "Standard area", rating: "Rating", evidence: "Evidence" }}
          >
            <FormSelect
              name="area"
              label="Standard area"
              placeholder="Choose a standard area"
              options={STANDARD_AREAS.map((a) => ({ value: a, label: STANDARD_AREA_LABELS[a] }))}
            />
            <FormRadios
              name="rating"
              label="Rating"
              inline
              options={FINDING_RATINGS.map((r) => ({ value: r, label: FINDING_RATING_LABELS[r] }))}
            />
            <FormTextArea name="evidence" label="Evidence" hint="What you saw, read or heard that supports the rating." rows={4} />
          </ActionForm>
        </>
      ) : null}
      {/* An action is raised on a finding, so the form waits for the first one; it offers the findings on this page. */}
      {can.includes("raiseAction") && findings.length > 0 ? (
        <>
          <h3>Raise an action</h3>
          <ActionForm
            action={raiseQualityAction}
            submitLabel="Raise action"
            labels={{ findingId: "Finding", description: "Action", dueOn: "Due date" }}
          >
            <FormSelect
              name="findingId"
              label="Finding"
              defaultValue={findings.at(-1)?.id}
              options={findings.map((f) => ({ value: f.id, label: findingName(f) }))}
            />
            <FormTextArea
              name="description"
              label="Action"
              hint="What the provider must do. The provider owns the action and is notified."
              rows={3}
            />
            <FormDateInput name="dueOn" label="Due date" />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
