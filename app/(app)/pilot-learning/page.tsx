import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormSelect, FormTextArea } from "@/components/forms/Fields";
import { Button, ChoiceSearch, KeysetPagination, PageHeading, Select, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import {
  feedbackCredentials,
  listProcessFeedback,
  stageCycleTimes,
  type CycleTimeRow,
  type FeedbackFilters,
} from "@/lib/data/pilot-learning";
import { firstValue, searchTerm } from "@/lib/data/paging";
import { formatDate, humanise } from "@/lib/format";
import { CREDENTIAL_ORIGIN_LABELS } from "@/lib/workflow";
import { FEEDBACK_STAGE_LABELS, FEEDBACK_STAGES } from "@/lib/validation/pilot-learning";
import { recordProcessFeedback } from "./actions";

export const metadata: Metadata = { title: "Pilot learning" };

const ORIGINS = ["COMMISSIONED", "PILOT_PHASE_1", "PILOT_PHASE_2"] as const;
const ENTITY_LABELS: Record<CycleTimeRow["entityType"], string> = { SpecificationVersion: "Specification", Credential: "Credential" };
const days = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const STAGE_OPTIONS = FEEDBACK_STAGES.map((s) => ({ value: s, label: FEEDBACK_STAGE_LABELS[s] }));
const RATING_OPTIONS = [
  { value: "1", label: "1 – very poor" },
  { value: "2", label: "2 – poor" },
  { value: "3", label: "3 – adequate" },
  { value: "4", label: "4 – good" },
  { value: "5", label: "5 – very good" },
];

export default async function PilotLearningPage({ searchParams }: { searchParams: Promise<FeedbackFilters & { find?: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "REVIEWER");
  const filters = await searchParams;
  const staff = user.role === "CENTRE_STAFF";
  const [cycleTimes, feedback, credentials] = await Promise.all([
    staff ? stageCycleTimes(user) : [],
    listProcessFeedback(user, { stage: filters.stage, after: filters.after, before: filters.before }),
    feedbackCredentials(user, searchTerm(filters.find)),
  ]);
  return (
    <>
      <PageHeading
        title="Pilot learning"
        lede={
          staff
            ? "The pilot exists to refine the process: how long each route spends in every state, from the audit trail, and what staff and reviewers say about each stage."
            : "The pilot exists to refine the process. Tell the Centre what worked and what did not at each stage."
        }
      />
      {staff ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Stage cycle times by route</h2>
          <p className="mb-6">Days from entering a state to leaving it. States a record is still in are not counted.</p>
          {ORIGINS.map((origin) => (
            <Table
              key={origin}
              caption={`Cycle times: ${CREDENTIAL_ORIGIN_LABELS[origin]}`}
              columns={[
                { key: "entity", header: "Record" },
                { key: "state", header: "State" },
                { key: "count", header: "Stays", align: "right" },
                { key: "median", header: "Median days", align: "right" },
                { key: "mean", header: "Mean days", align: "right" },
              ]}
              rowHeader="state"
              rows={cycleTimes
                .filter((r) => r.origin === origin)
                .map((r) => ({
                  entity: ENTITY_LABELS[r.entityType],
                  state: humanise(r.state),
                  count: r.count,
                  median: days.format(r.medianDays),
                  mean: days.format(r.meanDays),
                }))}
              empty="No completed stays on this route yet."
            />
          ))}
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Leave process feedback</h2>
      <ChoiceSearch
        action="/pilot-learning"
        keep={{ stage: firstValue(filters.stage) }}
        param="find"
        label="Find the credential by reference or title"
        search={credentials.search}
        shown={credentials.options.length}
        total={credentials.total}
        noun="credentials"
      />
      <ActionForm
        action={recordProcessFeedback}
        submitLabel="Send feedback"
        labels={{ stage: "Stage", credentialId: "Credential", rating: "Rating", comment: "Your feedback" }}
      >
        <FormSelect name="stage" label="Stage" placeholder="Choose a stage" options={STAGE_OPTIONS} />
        <FormSelect
          name="credentialId"
          label="Credential (optional)"
          placeholder="Not about one credential"
          options={credentials.options.map((c) => ({ value: c.id, label: `${c.reference} ${c.title}` }))}
        />
        <FormSelect
          name="rating"
          label="Rating (optional)"
          hint="How well did this stage work?"
          placeholder="No rating"
          options={RATING_OPTIONS}
        />
        <FormTextArea name="comment" label="Your feedback" hint="What worked, what did not, and what would you change?" />
      </ActionForm>

      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter feedback">
        <Select
          name="stage"
          label="Show feedback about"
          options={[{ value: "", label: "Every stage" }, ...STAGE_OPTIONS]}
          defaultValue={typeof filters.stage === "string" ? filters.stage : ""}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={staff ? "Process feedback" : "Your feedback"}
        columns={[
          { key: "date", header: "Date" },
          { key: "stage", header: "Stage" },
          { key: "credential", header: "Credential" },
          { key: "rating", header: "Rating", align: "right" },
          { key: "comment", header: "Feedback" },
          ...(staff ? [{ key: "author", header: "From" }] : []),
        ]}
        rows={feedback.rows.map((f) => ({
          date: formatDate(f.createdAt),
          stage: FEEDBACK_STAGE_LABELS[f.stage] ?? f.stage,
          credential: f.credential ? `${f.credential.reference} ${f.credential.title}` : "General",
          rating: f.rating ?? "None",
          comment: <span className="whitespace-pre-line">{f.body}</span>,
          author: f.authorName,
        }))}
        empty="No feedback yet."
      />
      <KeysetPagination
        basePath="/pilot-learning"
        searchParams={{ stage: filters.stage }}
        next={feedback.next}
        previous={feedback.previous}
        previousLabel="Newer"
        nextLabel="Older"
        status={`${feedback.total} ${feedback.total === 1 ? "piece" : "pieces"} of feedback`}
      />
    </>
  );
}
