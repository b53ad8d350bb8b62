import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { History } from "@/components/history/History";
import { Breadcrumbs, ButtonLink, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { planLink } from "@/lib/data/delivery-plans";
import type { QueryParams } from "@/lib/data/paging";
import { getPlanChange, PLAN_CHANGES_LIST, planChangeLink, type PlanChangeDetail, type PlanChangeView } from "@/lib/data/plan-changes";
import { bannerFor, transitionBanner } from "@/lib/done";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";
import { PLAN_CHANGE_TEXT_MAX } from "@/lib/validation/plan-change";
import {
  CONFIRMED_TRIAGE_TRANSITIONS,
  PLAN_CHANGE_CATEGORIES,
  PLAN_CHANGE_KIND_LABELS,
  planChangeMachine,
  TRIAGE_TRANSITIONS,
} from "@/lib/workflow";
import { answerChange, triageChange } from "../actions";

export const metadata: Metadata = { title: "Change to a delivery plan" };

const NEXT = {
  note: "The provider has been told; the change is closed.",
  requestInformation: "The provider has been asked; the change comes back to the Centre when they answer.",
  answer: "The Centre has been told and will triage the change with your answer.",
  approve: "The provider has been told the change may go ahead.",
  reject: "The provider has been told the change may not go ahead, and why.",
  requireReview: "The plan is back in review: record a decision on it from the plan's page.",
};
const REPORTED = {
  report: { heading: "Change reported", body: "The Centre has been told and will triage it; you will be notified of the outcome." },
};

/** What each triage choice means, beside its button text. */
const TRIAGE_HINTS: Record<string, string> = {
  note: "A minor change: acknowledge it and close it.",
  requestInformation: "The change goes back to the provider with your question.",
  approve: "A major change: the Centre approves it and it may go ahead.",
  reject: "A major change: the Centre does not approve it; it may not go ahead.",
  requireReview: "The plan goes back into review, and staff decide it again.",
};

export default async function PlanChangePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const change = await getPlanChange(user, id);
  if (!change) notFound();
  const category = PLAN_CHANGE_CATEGORIES[change.category];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: PLAN_CHANGES_LIST, label: "Changes" },
        ]}
      />
      <SuccessBanner banner={transitionBanner(planChangeMachine, query.done, NEXT) ?? bannerFor(REPORTED, query.done)} />
      <PageHeading
        caption={`${change.organisation.name}: ${change.plan.programmeTitle}`}
        title={`${PLAN_CHANGE_KIND_LABELS[change.kind]} change: ${category.label.toLowerCase()}`}
      />
      <p className="mb-6">
        Status: <StatusTag status={change.status} label={planChangeMachine.labels[change.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Delivery plan", value: <Link href={planLink(change.plan.id)}>{change.plan.programmeTitle}</Link> },
          { key: "Credential", value: `${change.plan.credential.reference} ${change.plan.credential.title}` },
          { key: "Kind", value: `${PLAN_CHANGE_KIND_LABELS[change.kind]} (${category.label.toLowerCase()})` },
          { key: "Reported", value: `${formatDate(change.createdAt)} by ${change.reportedBy.name}` },
          { key: "What has changed", value: <span className="whitespace-pre-line">{change.whatChanged}</span> },
          { key: "Why", value: <span className="whitespace-pre-line">{change.why}</span> },
          ...(change.outcomeReason
            ? [
                {
                  key: `Centre's reason (${formatDate(change.decidedAt ?? change.createdAt)})`,
                  value: <span className="whitespace-pre-line">{change.outcomeReason}</span>,
                },
              ]
            : []),
        ]}
      />
      {change.question ? (
        <InsetText>
          <p className="font-bold">The Centre asks</p>
          <p className="whitespace-pre-line">{change.question}</p>
        </InsetText>
      ) : null}
      {change.available.some((t) => t.name === "answer") ? <AnswerForm change={change} /> : null}
      <TriageForm change={change} />
      <History entityIds={[change.id]} basePath={planChangeLink(change.id)} searchParams={query} />
    </>
  );
}

function AnswerForm({ change }: { change: PlanChangeDetail }) {
  return (
    <section aria-labelledby="answer-heading" className="mb-8">
      <h2 id="answer-heading" className="mb-4 text-2xl font-bold">
        Answer the Centre
      </h2>
      <ActionForm
        action={answerChange}
        hidden={{ id: change.id, version: change.version }}
        labels={{ answer: "Your answer" }}
        submitLabel="Send your answer"
      >
        <FormTextArea
          name="answer"
          label="Your answer"
          hint={`The Centre sees it in this change's history. Up to ${PLAN_CHANGE_TEXT_MAX} characters.`}
          rows={5}
        />
      </ActionForm>
    </section>
  );
}

const confirmedOnItsPage = (name: string) => (CONFIRMED_TRIAGE_TRANSITIONS as readonly string[]).includes(name);

/**
 * Staff's choices, as the machine offers them for this change (a major change cannot be noted, a minor one not
 * approved). Rejecting and requiring a review cannot simply be undone, so each has its own confirmation page.
 */
function TriageForm({ change }: { change: PlanChangeView }) {
  const triage = change.available.filter((t) => (TRIAGE_TRANSITIONS as readonly string[]).includes(t.name));
  const choices = triage.filter((t) => !confirmedOnItsPage(t.name));
  const confirmed = triage.filter((t) => confirmedOnItsPage(t.name));
  if (triage.length === 0) return null;
  return (
    <section aria-labelledby="triage-heading" className="mb-8">
      <h2 id="triage-heading" className="mb-4 text-2xl font-bold">
        Triage the change
      </h2>
      {change.kind === "MAJOR" ? <p className="mb-4">This is a major change: it applies only once the Centre approves it.</p> : null}
      {choices.length > 0 ? (
        <ActionForm
          action={triageChange}
          hidden={{ id: change.id, version: change.version }}
          labels={{ outcome: "What to do with the change", reason: "What to tell the provider" }}
          submitLabel="Record the outcome"
        >
          <FormRadios
            name="outcome"
            label="What to do with the change"
            options={choices.map((t) => ({ value: t.name, label: t.label, hint: TRIAGE_HINTS[t.name] }))}
          />
          <FormTextArea
            name="reason"
            label="What to tell the provider"
            hint="Your question, your note or the reason for your decision. The provider sees it."
            rows={4}
          />
        </ActionForm>
      ) : null}
      {confirmed.length > 0 ? (
        <div className="mb-8 flex flex-wrap gap-4">
          {confirmed.map((t) => (
            <ButtonLink key={t.name} href={`${planChangeLink(change.id)}/confirm/${t.name}`} variant="warning">
              {t.label}
            </ButtonLink>
          ))}
        </div>
      ) : null}
    </section>
  );
}
