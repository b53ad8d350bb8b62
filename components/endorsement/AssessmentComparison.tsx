import type { ReactNode } from "react";
import { StatusTag, Table } from "@/components/ui";
import type { EndorsementCriterionView, EndorsementReviewView } from "@/lib/data/endorsement-review-reads";
import { CRITERION_RATING_LABELS, ENDORSEMENT_DECISION_LABELS } from "@/lib/workflow";
import { CriterionGuidance } from "./CriterionGuidance";

type Assessment = NonNullable<EndorsementReviewView["review"]>["assignments"][number];

function Rating({ rating, comment }: { rating?: keyof typeof CRITERION_RATING_LABELS; comment?: string }) {
  if (!rating) return <span className="text-nhs-secondary">Not rated</span>;
  return (
    <>
      <StatusTag status={rating} label={CRITERION_RATING_LABELS[rating]} />
      {comment ? <p className="mt-2 mb-0">{comment}</p> : null}
    </>
  );
}

/** Submitted assessments side by side: a row per endorsement criterion, a column per reviewer. */
export function AssessmentComparison({
  criteria,
  assessments,
  caption = "Assessments side by side",
}: {
  criteria: EndorsementCriterionView[];
  assessments: Assessment[];
  caption?: string;
}) {
  const column = (a: Assessment) => `a${a.id}`;
  const row = (header: ReactNode, cell: (a: Assessment) => ReactNode) => ({
    criterion: header,
    ...Object.fromEntries(assessments.map((a) => [column(a), cell(a)])),
  });
  return (
    <Table
      caption={caption}
      columns={[{ key: "criterion", header: "Criterion" }, ...assessments.map((a) => ({ key: column(a), header: a.reviewer.name }))]}
      rowHeader="criterion"
      rows={[
        ...criteria.map((c) =>
          row(
            <>
              <strong>{c.number}</strong> {c.title}
              <p className="mt-2 mb-2 font-normal">{c.description}</p>
              <CriterionGuidance criterion={c} />
            </>,
            (a) => {
              const r = a.ratings.find((x) => x.criterionId === c.id);
              return <Rating rating={r?.rating} comment={r?.comment} />;
            },
          ),
        ),
        row(<strong>Overall comment</strong>, (a) => a.overallComment || "None"),
        row(<strong>Recommendation</strong>, (a) =>
          a.recommendation ? <StatusTag status={a.recommendation} label={ENDORSEMENT_DECISION_LABELS[a.recommendation]} /> : "None",
        ),
      ]}
    />
  );
}
