import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Conditions } from "@/components/endorsement/Conditions";
import { DecisionSummary } from "@/components/endorsement/Decision";
import { OwnAssessment } from "@/components/endorsement/OwnAssessment";
import { Publication } from "@/components/endorsement/Publication";
import { StaffReview } from "@/components/endorsement/StaffReview";
import { History } from "@/components/history/History";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SummaryList } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { endorsementReviewFor } from "@/lib/data/endorsement-reviews";
import { formatDate } from "@/lib/format";
import { specificationVersionMachine } from "@/lib/workflow";
import { assignReviewers, decideEndorsement, publishCredential, withdrawReviewer } from "./actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Endorsement review" };

export default async function EndorsementReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const id = orNotFound(routeId((await params).id));
  const { done } = await searchParams;
  const user = await requireUser();
  const view = await endorsementReviewFor(user, id);
  if (!view) notFound();
  const { credential, version, review, conditions } = view;
  const staff = user.role === "CENTRE_STAFF";
  const name = `${credential.reference} ${credential.title}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: `/credentials/${id}`, label: name },
        ]}
      />
      <PageHeading caption={name} title="Endorsement review" />
      {done === "decided" && review?.decision ? (
        <p role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-3 font-bold">
          Decision recorded. The expert group has been notified.
        </p>
      ) : null}
      {version ? (
        <SummaryList
          rows={[
            {
              key: "Specification",
              value: <Link href={`/credentials/${id}/versions/${version.number}`}>Version {version.number} (opens the specification)</Link>,
            },
            { key: "Status", value: <StatusTag status={version.status} label={specificationVersionMachine.labels[version.status]} /> },
            { key: "Expert group", value: credential.ownerOrganisation.name },
            { key: "Submitted", value: version.submittedAt ? formatDate(version.submittedAt) : "" },
          ]}
        />
      ) : (
        <InsetText>
          <p>No specification version has been submitted for endorsement yet.</p>
        </InsetText>
      )}

      {version && staff ? <StaffReview view={view} user={user} actions={{ assignReviewers, withdrawReviewer, decideEndorsement }} /> : null}
      {version && user.role === "REVIEWER" ? <OwnAssessment view={view} /> : null}
      {version && user.role === "EXPERT" ? (
        <>
          <h2>Decision</h2>
          {review ? <DecisionSummary review={review} /> : <p>The reviewers’ assessments are not in yet, or the Centre has not decided.</p>}
        </>
      ) : null}

      {user.role !== "REVIEWER" && (conditions.length > 0 || review?.decision === "ENDORSE_WITH_CONDITIONS") ? (
        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading">Conditions</h2>
          <Conditions conditions={conditions} changeHref={staff ? (c) => `/credentials/${id}/review/conditions/${c.id}` : undefined} />
        </section>
      ) : null}
      {user.role !== "REVIEWER" ? <Publication credential={credential} publish={staff ? publishCredential : undefined} /> : null}

      {staff ? (
        <History
          entityIds={[
            credential.id,
            ...(version ? [version.id] : []),
            ...(review ? [review.id, ...review.assignments.map((a) => a.id)] : []),
            ...conditions.map((c) => c.id),
          ]}
        />
      ) : null}
    </>
  );
}
