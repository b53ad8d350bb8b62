import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { appealViewFor, type AppealView } from "@/lib/data/appeals";
import { bannerFor } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { ENDORSEMENT_DECISION_LABELS, endorsementAppealMachine } from "@/lib/workflow";
import { decideAppeal, lodgeAppeal } from "../actions";

export const metadata: Metadata = { title: "Appeal against a decline" };

const DONE = {
  lodged: { heading: "Appeal lodged", body: "Centre staff have been told. You will be notified of the outcome." },
  uphold: { heading: "Appeal upheld", body: "The specification is back in review for a new decision. The expert group has been told." },
  dismiss: { heading: "Appeal dismissed", body: "The decline stands. The expert group has been told." },
};

function Appeals({ appeals }: { appeals: AppealView["review"]["appeals"] }) {
  return appeals.map((a) => (
    <section key={a.id} aria-label={`Appeal lodged ${formatDate(a.createdAt)}`} className="mb-8">
      <SummaryList
        rows={[
          { key: "Lodged", value: `${formatDate(a.createdAt)} by ${a.lodgedBy.name}` },
          { key: "Grounds", value: <span className="whitespace-pre-line">{a.grounds}</span> },
          { key: "Status", value: <StatusTag status={a.status} label={endorsementAppealMachine.labels[a.status]} /> },
          ...(a.outcomeReason ? [{ key: "Reason for the outcome", value: a.outcomeReason }] : []),
        ]}
      />
      {a.available.length > 0 ? (
        <ActionForm
          action={decideAppeal}
          hidden={{ id: a.id, version: a.version }}
          submitLabel="Record outcome"
          labels={{ outcome: "Outcome", reason: "Reason for the outcome" }}
        >
          <FormRadios
            name="outcome"
            label="Outcome"
            options={[
              { value: "uphold", label: "Upheld", hint: "The specification returns to review for a new decision." },
              { value: "dismiss", label: "Dismissed", hint: "The decline stands." },
            ]}
          />
          <FormTextArea name="reason" label="Reason for the outcome" hint="The expert group sees it." rows={4} />
        </ActionForm>
      ) : null}
    </section>
  ));
}

export default async function AppealPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const id = orNotFound(routeId((await params).id));
  const { done } = await searchParams;
  const user = await requireUser();
  const view = await appealViewFor(user, id);
  if (!view) notFound();
  const { review, window, refusal, deadlineText } = view;
  const { credential, number } = review.specificationVersion;
  const name = `${credential.reference} ${credential.title}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: `/credentials/${id}`, label: name },
          { href: `/credentials/${id}/review`, label: "Endorsement review" },
        ]}
      />
      <SuccessBanner banner={bannerFor(DONE, done)} />
      <PageHeading
        caption={`${name}, version ${number}`}
        title="Appeal against a decline"
        lede="An expert group may appeal a decline it believes came from a procedural irregularity or an administrative error."
      />
      <SummaryList
        rows={[
          { key: "Decision", value: review.decision ? ENDORSEMENT_DECISION_LABELS[review.decision] : "Not decided" },
          ...(review.decidedAt ? [{ key: "Decided", value: formatDate(review.decidedAt) }] : []),
          {
            key: "Appeal window",
            value: window
              ? `${window.workingDays} working days from the decision${deadlineText ? `: until ${deadlineText}` : ""}`
              : "Not set by the Centre",
          },
          ...(window?.source ? [{ key: "Source", value: window.source }] : []),
        ]}
      />
      <h2>Appeals</h2>
      {review.appeals.length > 0 ? <Appeals appeals={review.appeals} /> : <p>No appeal has been lodged.</p>}
      {user.role === "EXPERT" ? (
        refusal ? (
          <InsetText>
            <p>{refusal}</p>
          </InsetText>
        ) : (
          <>
            <h2>Lodge an appeal</h2>
            <ActionForm
              action={lodgeAppeal}
              hidden={{ id: review.id, version: review.version }}
              submitLabel="Lodge appeal"
              labels={{ grounds: "Grounds for your appeal" }}
            >
              <FormTextArea
                name="grounds"
                label="Grounds for your appeal"
                hint="Say what procedural irregularity or administrative error you believe occurred in how your specification was considered."
                rows={6}
              />
            </ActionForm>
          </>
        )
      ) : null}
    </>
  );
}
