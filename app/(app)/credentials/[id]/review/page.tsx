import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { Conditions } from "@/components/endorsement/Conditions";
import { DecisionSummary } from "@/components/endorsement/Decision";
import { OwnAssessment } from "@/components/endorsement/OwnAssessment";
import { Publication } from "@/components/endorsement/Publication";
import { StaffReview } from "@/components/endorsement/StaffReview";
import { History } from "@/components/history/History";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { bannerFor } from "@/lib/done";
import { requireUser } from "@/lib/auth/session";
import { endorsementReviewFor } from "@/lib/data/endorsement-review-reads";
import { formatDate } from "@/lib/format";
import { check, credentialMachine, specificationVersionMachine } from "@/lib/workflow";
import { assignReviewers, decideEndorsement, publishCredential } from "./actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Endorsement review" };

const DONE = {
  assignReviewers: {
    heading: "Reviewers assigned",
    body: "They have been notified and can assess the candidate credential specification.",
  },
  withdrawReviewer: { heading: "Reviewer withdrawn", body: "They can no longer see this review." },
  submitAssessment: { heading: "Assessment submitted", body: "Centre staff will decide once every reviewer has submitted." },
  decided: { heading: "Decision recorded", body: "Decision recorded. The expert group has been notified." },
  setDueDate: { heading: "Due date saved", body: "Publication waits only for conditions due before launch." },
  markMet: { heading: "Condition marked as met", body: "It now counts as met in the catalogue entry." },
  reopenCondition: { heading: "Condition reopened", body: "The credential cannot be published until it is met again." },
  publish: { heading: "Credential published", body: "Published in the catalogue. Education providers can now make delivery plans for it." },
};

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
  const openConditions = conditions.filter((c) => c.status === "OPEN");
  const publishing = check(credentialMachine, "publish", credential.status, {
    publishedAt: credential.publishedAt,
    openConditions,
    now: new Date(),
    actor: user,
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: `/credentials/${id}`, label: name },
        ]}
      />
      <SuccessBanner banner={bannerFor(DONE, done)} />
      <PageHeading
        caption={name}
        title="Endorsement review"
        lede="Independent review of the candidate credential specification against the endorsement criteria, by reviewers with academic and clinical expertise."
      />
      {version ? (
        <SummaryList
          rows={[
            {
              key: "Candidate credential specification",
              value: <Link href={`/credentials/${id}/versions/${version.number}`}>Version {version.number} (opens the specification)</Link>,
            },
            { key: "Status", value: <StatusTag status={version.status} label={specificationVersionMachine.labels[version.status]} /> },
            { key: "Expert group", value: credential.ownerOrganisation.name },
            { key: "Submitted", value: version.submittedAt ? formatDate(version.submittedAt) : "" },
            ...(review ? [{ key: "Criteria used", value: `${review.criteriaSet.name}, version ${review.criteriaSet.number}` }] : []),
          ]}
        />
      ) : (
        <InsetText>
          <p>No specification version has been submitted for endorsement yet.</p>
        </InsetText>
      )}

      {version && staff ? <StaffReview view={view} user={user} actions={{ assignReviewers, decideEndorsement }} /> : null}
      {version && user.role === "REVIEWER" ? <OwnAssessment view={view} /> : null}
      {version && user.role === "EXPERT" ? (
        <>
          <h2>Decision</h2>
          {review ? <DecisionSummary review={review} /> : <p>The reviewers’ assessments are not in yet, or the Centre has not decided.</p>}
        </>
      ) : null}

      {version && user.role !== "REVIEWER" && (version.status === "DECLINED" || review?.decision === "DECLINE") ? (
        <p>
          <Link href={`/credentials/${id}/review/appeal`}>{staff ? "Appeals against this decline" : "Appeal against this decline"}</Link>
        </p>
      ) : null}

      {user.role !== "REVIEWER" && (conditions.length > 0 || review?.decision === "ENDORSE_WITH_CONDITIONS") ? (
        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading">Conditions</h2>
          <Conditions conditions={conditions} changeHref={staff ? (c) => `/credentials/${id}/review/conditions/${c.id}` : undefined} />
        </section>
      ) : null}
      {user.role !== "REVIEWER" ? (
        <Publication
          credential={credential}
          publish={staff ? publishCredential : undefined}
          blockedBy={publishing.ok || publishing.code !== "GUARD_FAILED" ? undefined : publishing.reason}
          openConditions={openConditions}
        />
      ) : null}

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
