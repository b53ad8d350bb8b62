import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { evidenceFormParts, ProposalFields } from "@/components/proposals/ProposalFields";
import { Breadcrumbs, ButtonLink, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";
import { requireUser } from "@/lib/auth/session";
import type { QueryParams } from "@/lib/data/paging";
import { getProposal, type ProposalDetail } from "@/lib/data/proposals";
import { bannerFor, transitionBanner } from "@/lib/done";
import { orNotFound, routeId } from "@/lib/params";
import { check, gatewayProposalMachine, priorityMachine, type Actor } from "@/lib/workflow";
import { assessProposal, editProposal, requestMoreInformation, submitProposal } from "../actions";

export const metadata: Metadata = { title: "Gateway proposal" };

const VERDICTS = [
  { value: "MET", label: "Met" },
  { value: "NOT_MET", label: "Not met" },
  { value: "MORE_EVIDENCE_NEEDED", label: "More evidence needed" },
] as const;
const VERDICT_LABELS: Record<string, string> = Object.fromEntries(VERDICTS.map((v) => [v.value, v.label]));

const NEXT = {
  edit: "Submit it to the Centre when every gateway criterion has evidence.",
  submit: "Centre staff will assess it against the gateway criteria; you will see their feedback here.",
  assess: "Accept it into a priority round, decline it, or ask the proposer for more information once every criterion is assessed.",
  requestMoreInformation: "The proposer can add evidence and submit it again.",
  accept: "It is now a draft priority in the round you chose.",
};
const CREATED = {
  created: { heading: "Proposal saved as a draft", body: "Submit it to the Centre when every gateway criterion has evidence." },
};

export default async function ProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const p = await getProposal(user, id);
  if (!p) notFound();
  const staff = user.role === "CENTRE_STAFF";
  const record = `/proposals/${p.id}`;
  return (
    <>
      <Breadcrumbs items={[{ href: "/proposals", label: "Gateway proposals" }]} />
      <SuccessBanner banner={transitionBanner(gatewayProposalMachine, query.done, NEXT) ?? bannerFor(CREATED, query.done)} />
      <PageHeading caption={`Proposed by ${p.organisation.name}`} title={p.title} />
      <p className="mb-6">
        Status: <StatusTag status={p.status} label={gatewayProposalMachine.labels[p.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Proposed by", value: `${p.proposedBy.name}, ${p.organisation.name}` },
          { key: "Gateway criteria", value: p.criteriaSet.name },
          { key: "Summary of the need", value: <span className="whitespace-pre-line">{p.needSummary}</span> },
          ...(p.priority
            ? [
                {
                  key: "Became the priority",
                  value: (
                    <>
                      {staff ? <Link href={`/priorities/${p.priority.id}`}>{p.priority.title}</Link> : p.priority.title} in round{" "}
                      {p.priority.round.name} ({priorityMachine.labels[p.priority.status]})
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Feedback p={p} />
      {p.available.includes("edit") ? <ProposerForms p={p} actor={user} /> : <Answers p={p} />}
      {p.available.includes("assess") ? <AssessmentForm p={p} /> : null}
      {staff && p.status === "UNDER_ASSESSMENT" ? <Decisions p={p} record={record} /> : null}
      <History entityIds={[p.id]} basePath={record} searchParams={query} />
    </>
  );
}

function Feedback({ p }: { p: ProposalDetail }) {
  if (!p.feedback && !p.declinedReason) return null;
  return (
    <section aria-labelledby="feedback-heading" className="mb-8">
      <h2 id="feedback-heading" className="mb-4 text-2xl font-bold">
        Feedback from the Centre
      </h2>
      {p.declinedReason ? (
        <InsetText>
          <p className="whitespace-pre-line">Declined: {p.declinedReason}</p>
        </InsetText>
      ) : null}
      {p.feedback ? <p className="whitespace-pre-line">{p.feedback}</p> : null}
    </section>
  );
}

/** The evidence against each criterion, with staff's verdict once given. */
function Answers({ p }: { p: ProposalDetail }) {
  return (
    <section aria-labelledby="answers-heading" className="mb-8">
      <h2 id="answers-heading" className="mb-4 text-2xl font-bold">
        Evidence against the gateway criteria
      </h2>
      {p.criteria.map((c) => (
        <div key={c.id} className="mb-6 border-b border-nhs-grey-4 pb-4">
          <h3 className="mb-2 text-xl font-bold">
            Criterion {c.number}: {c.title}
          </h3>
          <p className="whitespace-pre-line">{c.answer?.evidence || "No evidence given."}</p>
          {c.answer?.verdict ? (
            <p>
              Centre&apos;s assessment: <StatusTag status={c.answer.verdict} label={VERDICT_LABELS[c.answer.verdict] ?? c.answer.verdict} />
              {c.answer.assessmentComment ? <span className="block whitespace-pre-line">{c.answer.assessmentComment}</span> : null}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function ProposerForms({ p, actor }: { p: ProposalDetail; actor: Actor }) {
  const { hidden, labels } = evidenceFormParts(p.criteria);
  const evidence = new Map(p.criteria.map((c) => [c.id, c.answer?.evidence ?? ""]));
  const submit = check(gatewayProposalMachine, "submit", p.status, { ...p.context, actor });
  return (
    <>
      <section aria-labelledby="submit-heading" className="mb-8">
        <h2 id="submit-heading" className="mb-4 text-2xl font-bold">
          Submit to the Centre
        </h2>
        {p.available.includes("submit") ? (
          <TransitionButton action={submitProposal} id={p.id} version={p.version} submitLabel="Submit proposal" />
        ) : (
          <InsetText>
            <p>{submit.ok ? "" : submit.reason}</p>
          </InsetText>
        )}
      </section>
      <section aria-labelledby="edit-heading" className="mb-8">
        <h2 id="edit-heading" className="mb-4 text-2xl font-bold">
          Your proposal
        </h2>
        <ActionForm action={editProposal} hidden={{ id: p.id, version: p.version, ...hidden }} labels={labels} submitLabel="Save proposal">
          <ProposalFields criteria={p.criteria} values={{ title: p.title, needSummary: p.needSummary, evidence }} />
        </ActionForm>
      </section>
    </>
  );
}

function AssessmentForm({ p }: { p: ProposalDetail }) {
  const hidden: Record<string, string | number> = { id: p.id, version: p.version };
  const labels: Record<string, string> = { feedback: "Feedback to the proposer" };
  p.criteria.forEach((c, i) => {
    hidden[`criteria.${i}.criterionId`] = c.id;
    labels[`criteria.${i}.verdict`] = labels[`criteria.${i}.comment`] = `Criterion ${c.number}`;
  });
  return (
    <section aria-labelledby="assess-heading" className="mb-8">
      <h2 id="assess-heading" className="mb-4 text-2xl font-bold">
        Assess against the gateway criteria
      </h2>
      <ActionForm action={assessProposal} hidden={hidden} labels={labels} submitLabel="Save assessment">
        {p.criteria.map((c, i) => (
          <section key={c.id} aria-labelledby={`assess-criterion-${i}`} className="mb-8 border-b border-nhs-grey-4 pb-4">
            <h3 id={`assess-criterion-${i}`} className="mb-2 text-xl font-bold">
              Criterion {c.number}: {c.title}
            </h3>
            <p className="mb-2 font-bold">The proposer&apos;s evidence</p>
            <p className="mb-4 whitespace-pre-line">{c.answer?.evidence || "No evidence given."}</p>
            <FormRadios
              name={`criteria.${i}.verdict`}
              label={`Is criterion ${c.number} met?`}
              options={[...VERDICTS]}
              defaultValue={c.answer?.verdict ?? undefined}
            />
            <FormTextArea
              name={`criteria.${i}.comment`}
              label={`Comment on criterion ${c.number}`}
              rows={3}
              defaultValue={c.answer?.assessmentComment}
            />
          </section>
        ))}
        <FormTextArea
          name="feedback"
          label="Feedback to the proposer"
          hint="The proposer sees this with your assessment of each criterion."
          rows={4}
          defaultValue={p.feedback}
        />
      </ActionForm>
    </section>
  );
}

function Decisions({ p, record }: { p: ProposalDetail; record: string }) {
  const decided = p.available.includes("accept");
  return (
    <section aria-labelledby="decide-heading" className="mb-8">
      <h2 id="decide-heading" className="mb-4 text-2xl font-bold">
        Decide
      </h2>
      {decided ? (
        <p className="flex flex-wrap gap-4">
          <ButtonLink href={`${record}/accept`}>Accept into a priority round</ButtonLink>
          <ButtonLink href={`${record}/confirm/decline`} variant="warning">
            Decline proposal
          </ButtonLink>
        </p>
      ) : (
        <InsetText>
          <p>
            {p.context.unassessed} gateway {p.context.unassessed === 1 ? "criterion is" : "criteria are"} not yet assessed; assess every
            criterion before accepting or declining.
          </p>
        </InsetText>
      )}
      {p.available.includes("requestMoreInformation") ? (
        <ReasonForm
          action={requestMoreInformation}
          id={p.id}
          version={p.version}
          label="What more information does the proposer need to give?"
          submitLabel="Ask for more information"
          submitVariant="secondary"
        />
      ) : null}
    </section>
  );
}
