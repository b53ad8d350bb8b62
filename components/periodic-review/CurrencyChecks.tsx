import { Table, TaskList } from "@/components/ui";
import type { PeriodicReviewDetail } from "@/lib/data/periodic-reviews";
import { formatDate } from "@/lib/format";
import { CURRENCY_CHECKS } from "@/lib/workflow";
import { CHECK_QUESTIONS, checkSlug } from "./checks";

/** The four currency checks: a task list while the machine lets the person record them, and the findings recorded so far. */
export function CurrencyChecks({ review, canRecord }: { review: PeriodicReviewDetail; canRecord: boolean }) {
  const recorded = new Map(review.checks.map((c) => [c.kind, c]));
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Currency checks</h2>
      {canRecord ? (
        <TaskList
          items={CURRENCY_CHECKS.map((c) => ({
            name: c.label,
            href: `/periodic-reviews/${review.id}/checks/${checkSlug(c.key)}`,
            hint: CHECK_QUESTIONS[c.key],
            status: recorded.has(c.key) ? "COMPLETED" : "NOT_STARTED",
            statusLabel: recorded.has(c.key) ? "Recorded" : "Not recorded yet",
          }))}
        />
      ) : null}
      <Table
        caption="Findings"
        columns={[
          { key: "check", header: "Check" },
          { key: "finding", header: "Finding" },
          { key: "change", header: "Change needed" },
          { key: "recorded", header: "Recorded" },
        ]}
        rowHeader="check"
        rows={CURRENCY_CHECKS.flatMap((c) => {
          const check = recorded.get(c.key);
          return check
            ? [
                {
                  check: c.label,
                  finding: <span className="whitespace-pre-line">{check.finding}</span>,
                  change: check.changeNeeded ? "Yes" : "No",
                  recorded: `${formatDate(check.recordedAt)} by ${check.recordedBy}`,
                },
              ]
            : [];
        })}
        empty="No currency checks have been recorded yet."
      />
    </section>
  );
}
