import { AssessmentComparison } from "@/components/endorsement/AssessmentComparison";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { SummaryList } from "@/components/ui";
import type { PanelPackItem } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { SPECIFICATION_SECTIONS } from "@/lib/workflow";

const sectionLabel = (key: string) => SPECIFICATION_SECTIONS.find((s) => s.key === key)?.label ?? key;

/** One agenda item of the panel pack: the specification in brief, its coverage, and its reviewers' assessments. */
export function PackItem({ item, position }: { item: PanelPackItem; position: number }) {
  const { version: v, review, matrix, criteria, comments } = item;
  const headingId = `item-${position}-heading`;
  return (
    <section aria-labelledby={headingId} className={position > 1 ? "mt-12 break-before-page" : "mt-8"}>
      <h2 id={headingId} className="text-2xl">
        Item {position}: {v.credential.reference} {v.credential.title}, version {v.number}
      </h2>
      <h3>Specification summary</h3>
      <SummaryList
        rows={[
          { key: "Expert group", value: v.credential.ownerOrganisation.name },
          { key: "Submitted", value: v.submittedAt ? formatDate(v.submittedAt) : "" },
          { key: "Purpose and scope", value: <span className="whitespace-pre-line">{v.purposeAndScope}</span> },
          { key: "Target group", value: <span className="whitespace-pre-line">{v.targetGroup}</span> },
          { key: "Academic level", value: String(v.academicLevel) },
          { key: "Credits", value: v.credits === null ? "" : String(v.credits) },
          { key: "Notional learning hours", value: v.notionalHours === null ? "" : String(v.notionalHours) },
          { key: "Delivery modes", value: v.deliveryModes.join(", ") },
          { key: "Criteria used", value: `${review.criteriaSet.name}, version ${review.criteriaSet.number}` },
        ]}
      />
      <h3>Coverage of the core capabilities</h3>
      <CoverageMatrix
        matrix={matrix}
        caption={`Item ${position}: learning outcomes against the core capabilities of the ${matrix.edition.title}`}
      />
      <h3>Reviewers&apos; ratings</h3>
      {review.assignments.length > 0 ? (
        <AssessmentComparison
          criteria={criteria}
          assessments={review.assignments}
          caption={`Item ${position}: ratings per criterion, one column per reviewer`}
        />
      ) : (
        <p>No assessments have been submitted.</p>
      )}
      <h3>Reviewers&apos; open comments</h3>
      {comments.length > 0 ? (
        <ul className="list-disc pl-6">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{sectionLabel(c.section)}</strong> ({c.author.name}): <span className="whitespace-pre-line">{c.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>The reviewers have no open comments on this specification.</p>
      )}
    </section>
  );
}
