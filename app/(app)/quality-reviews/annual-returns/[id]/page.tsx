import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { FIGURES_HINT, FiguresFields, figuresFormParts, FiguresTable } from "@/components/annual-returns/ReturnFigures";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { Breadcrumbs, PageHeading, StatusTag, SuccessBanner, SummaryList, WarningCallout } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";
import { requireRole } from "@/lib/auth/session";
import { getAnnualReturn, professionsForReturn } from "@/lib/data/annual-returns";
import { formatDate, formatDateTime } from "@/lib/format";
import { annualReturnMachine, isLate } from "@/lib/workflow";
import { acceptAnnualReturn, queryAnnualReturn, submitAnnualReturn } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Annual return" };

const QUESTIONS = [
  { name: "cohorts", label: "Cohorts", hint: "For each cohort: enrolled, completed, withdrawn and continuing." },
  {
    name: "changesToDelivery",
    label: "Changes to delivery",
    hint: "Changes since the plan was approved or since last year's return. Write 'None' if there were none.",
  },
  { name: "staffing", label: "Staffing and supervision", hint: "The teaching team and the supervision learners received this year." },
  {
    name: "concerns",
    label: "Concerns",
    hint: "Anything putting delivery against the specification at risk. Write 'None' if there are none.",
  },
] as const;

const SATISFACTION = {
  label: "Learner satisfaction (%)",
  hint: "The percentage of learners answering your survey this year who were satisfied or very satisfied, as a whole number from 0 to 100. Leave it blank if you did not survey learners.",
};

const NEXT = {
  submit: "The Centre has been notified and will accept the return or query it.",
  query: "The provider has been notified and can change the return and resubmit it.",
  accept: "The provider has been notified. This year's return for the plan is complete.",
};
const OPENED = { opened: { heading: "Annual return opened", body: "The provider has been notified and can complete it now." } };

export default async function AnnualReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const r = await getAnnualReturn(user, id);
  if (!r) notFound();
  const late = isLate(r.status, r.dueOn, new Date());
  const canSubmit = r.can.includes("submit");
  const professions = canSubmit ? await professionsForReturn(r.id) : [];
  const figureParts = figuresFormParts(professions);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/delivery-plans", label: "Delivery plans" },
          { href: `/delivery-plans/${r.plan.id}`, label: r.plan.programmeTitle },
        ]}
      />
      <SuccessBanner banner={transitionBanner(annualReturnMachine, query.done, NEXT) ?? bannerFor(OPENED, query.done)} />
      <PageHeading
        caption={`${r.plan.credential.reference} ${r.plan.credential.title}`}
        title={`Annual return ${r.year}: ${r.plan.programmeTitle}`}
      />
      <p className="mb-6 flex flex-wrap gap-2">
        <StatusTag status={r.status} label={annualReturnMachine.labels[r.status]} />
        {late ? <StatusTag status="OVERDUE" label="Late" /> : null}
      </p>
      <SummaryList
        rows={[
          { key: "Delivery plan", value: <Link href={`/delivery-plans/${r.plan.id}`}>{r.plan.programmeTitle}</Link> },
          { key: "Provider", value: r.plan.organisation.name },
          { key: "Due", value: formatDate(r.dueOn) },
          { key: "Submitted", value: r.submittedAt ? formatDateTime(r.submittedAt) : "Not yet" },
        ]}
      />
      {r.status === "QUERIED" && r.queryReason ? (
        <WarningCallout heading="The Centre has queried this return">
          <p>{r.queryReason}</p>
          {canSubmit ? <p>Change your answers below and resubmit the return.</p> : null}
        </WarningCallout>
      ) : null}

      {canSubmit ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Your return</h2>
          <ActionForm
            action={submitAnnualReturn}
            hidden={{ id: r.id, version: r.version, ...figureParts.hidden }}
            submitLabel={r.status === "QUERIED" ? "Resubmit return" : "Submit return"}
            labels={{
              ...Object.fromEntries(QUESTIONS.map((q) => [q.name, q.label])),
              ...figureParts.labels,
              learnerSatisfaction: SATISFACTION.label,
            }}
          >
            {QUESTIONS.map((q) => (
              <FormTextArea key={q.name} name={q.name} label={q.label} hint={q.hint} defaultValue={r[q.name]} rows={4} />
            ))}
            <h3 className="mb-2 text-xl font-bold">Learner figures</h3>
            <p className="mb-4">
              {FIGURES_HINT} Leave a profession blank if it had no learners this year; enter 0 for none in a row you fill in.
            </p>
            <FiguresFields professions={professions} values={r.figures} />
            <FormTextInput
              name="learnerSatisfaction"
              label={SATISFACTION.label}
              hint={SATISFACTION.hint}
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              className="w-24"
              defaultValue={r.learnerSatisfaction}
            />
          </ActionForm>
        </section>
      ) : (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">Return</h2>
          <SummaryList
            rows={[
              ...QUESTIONS.map((q) => ({ key: q.label, value: r[q.name] || "Not answered yet" })),
              { key: SATISFACTION.label, value: r.learnerSatisfaction === null ? "Not given" : `${r.learnerSatisfaction}%` },
            ]}
          />
          <FiguresTable figures={r.figures} />
        </section>
      )}

      {r.can.includes("accept") || r.can.includes("query") ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision</h2>
          <TransitionButton action={acceptAnnualReturn} id={r.id} version={r.version} submitLabel="Accept return" />
          <ReasonForm
            action={queryAnnualReturn}
            id={r.id}
            version={r.version}
            submitLabel="Query return"
            submitVariant="secondary"
            label="Query the return"
            hint="What the provider needs to clarify or change. They will be notified."
          />
        </section>
      ) : null}
      <History entityIds={[r.id]} basePath={`/quality-reviews/annual-returns/${id}`} searchParams={query} />
    </>
  );
}
