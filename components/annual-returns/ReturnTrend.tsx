import Link from "@/components/ui/Link";
import { StatusTag, Table } from "@/components/ui";
import type { PlanReturnTrend } from "@/lib/data/annual-returns";
import { annualReturnLink } from "@/lib/data/annual-returns";
import { annualReturnMachine } from "@/lib/workflow";

/** A plan's learner figures by year from its submitted annual returns, totalled over professions. */
export function ReturnTrend({ years }: { years: PlanReturnTrend }) {
  if (years.length === 0) return null;
  const n = (value: number, given: boolean) => (given ? String(value) : "Not given");
  return (
    <section aria-labelledby="trend-heading" className="mt-8">
      <h2 id="trend-heading" className="mb-4 text-2xl font-bold">
        Learner figures by year
      </h2>
      <p className="mb-4">
        From the annual returns, all professions together. The withdrawal rate is those who withdrew as a share of the learners the year
        had: its starts and those continuing from the year before. Satisfaction is the share of learners answering the provider&apos;s
        survey who were satisfied or very satisfied.
      </p>
      <Table
        caption="Learner figures by year"
        captionHidden
        rowHeader="year"
        columns={[
          { key: "year", header: "Year" },
          { key: "starts", header: "Started", align: "right" },
          { key: "continuing", header: "Continuing", align: "right" },
          { key: "completions", header: "Completed", align: "right" },
          { key: "withdrawals", header: "Withdrew", align: "right" },
          { key: "rate", header: "Withdrawal rate", align: "right" },
          { key: "satisfaction", header: "Satisfaction", align: "right" },
          { key: "status", header: "Return" },
        ]}
        rows={years.map((y) => ({
          year: <Link href={annualReturnLink(y.id)}>{y.year}</Link>,
          starts: n(y.starts, y.hasFigures),
          continuing: n(y.continuing, y.hasFigures),
          completions: n(y.completions, y.hasFigures),
          withdrawals: n(y.withdrawals, y.hasFigures),
          rate: y.withdrawalRate === null ? "–" : `${y.withdrawalRate}%`,
          satisfaction: y.learnerSatisfaction === null ? "Not given" : `${y.learnerSatisfaction}%`,
          status: <StatusTag status={y.status} label={annualReturnMachine.labels[y.status]} />,
        }))}
      />
    </section>
  );
}
