import { Table, TaskList } from "@/components/ui";
import type { PeriodicReviewDetail } from "@/lib/data/periodic-reviews";
import { formatDate } from "@/lib/format";
import { CURRENCY_CHECKS } from "@/lib/workflow";
import { CHECK_QUESTIONS, checkSlug } from "./checks";

/** The four currency checks: a task list while the review is open, and the findings recorded so far. */
export function CurrencyChecks({ review }: { review: PeriodicReviewDetail }) {
  const recorded = new Map(review.checks.map((c) => [c.kind, c]));
  const open = review.status !== "CONCLUDED";
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Currency checks</h2>
      {open ? (
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
