import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/endorsement/AssessmentForm";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { coverageMatrixOf } from "@/lib/data/capability-mapping";
import { endorsementCriteria } from "@/lib/data/endorsement-review-reads";
import { ownAssessment } from "@/lib/data/reviewer-assessments";
import { formatDate } from "@/lib/format";
import { saveAssessment } from "../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Your endorsement assessment" };

/** Only the assigned reviewer reaches this page; for anyone else it does not exist. */
export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = orNotFound(routeId((await params).id));
  const user = await requireUser();
  const assessment = await ownAssessment(user, id);
  if (!assessment) notFound();
  const { number, credential } = assessment.review.specificationVersion;
  const matrix = await coverageMatrixOf(user, id, number);
  return (
    <>
      <BackLink href={`/credentials/${id}/review`}>Back to the endorsement review</BackLink>
      <PageHeading caption={`${credential.reference} ${credential.title}`} title="Your endorsement assessment" />
      <p>
        Read the candidate credential specification (<Link href={`/credentials/${id}/versions/${number}`}>version {number}</Link>), then
        rate it against each endorsement criterion: each part of criterion 4.1 is rated on its own, with the guidance notes beside it. Save
        a draft at any time; submit once every part is rated and you have made a recommendation.
        {assessment.dueOn ? ` Due ${formatDate(assessment.dueOn)}.` : ""}
      </p>
      {matrix ? (
        <section aria-labelledby="coverage-heading" className="mb-8">
          <h2 id="coverage-heading" className="mb-4 text-2xl font-bold">
            Coverage of the core capabilities
          </h2>
          <CoverageMatrix matrix={matrix} />
        </section>
      ) : null}
      {assessment.status === "ASSIGNED" ? (
        <AssessmentForm action={saveAssessment} assessment={assessment} criteria={await endorsementCriteria(assessment.review)} />
      ) : (
        <InsetText>
          <p>
            You submitted this assessment{assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ""}.{" "}
            <Link href={`/credentials/${id}/review`}>View it on the endorsement review</Link>.
          </p>
        </InsetText>
      )}
    </>
  );
}
