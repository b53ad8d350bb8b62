import { Table, type TableColumn } from "@/components/ui";
import type { Figures } from "@/lib/data/impact-figures";
import { Chart } from "./Chart";
import { formatCount, formatRate } from "./numbers";

// The figures an individual (credential) or collective (portfolio) impact page shows: totals, the trend by period
// and the split by profession — each a chart with its table alternative and a CSV download.

type Totals = Figures & { returns: number };
type PeriodRow = Figures & { period: string; returns: number };
type ProfessionRow = Figures & { profession: string };

export type ImpactFiguresProps = {
  totals: Totals;
  byPeriod: PeriodRow[];
  byProfession: ProfessionRow[];
  /** Added to every CSV link, e.g. "?credential=…" on a credential's page. */
  exportQuery?: string;
};

const SERIES = [
  { key: "enrolled", label: "Enrolled" },
  { key: "completed", label: "Completed" },
  { key: "deployed", label: "Deployed" },
];

const FIGURE_COLUMNS: TableColumn[] = [
  { key: "enrolled", header: "Enrolled", align: "right" },
  { key: "completed", header: "Completed", align: "right" },
  { key: "withdrawn", header: "Withdrawn", align: "right" },
  { key: "deployed", header: "Deployed", align: "right" },
  { key: "completionRate", header: "Completion rate", align: "right" },
  { key: "deploymentRate", header: "Deployment rate", align: "right" },
];

function figureCells(f: Figures) {
  return {
    enrolled: formatCount(f.enrolled),
    completed: formatCount(f.completed),
    withdrawn: formatCount(f.withdrawn),
    deployed: formatCount(f.deployed),
    completionRate: formatRate(f.completionRate),
    deploymentRate: formatRate(f.deploymentRate),
  };
}

/** "Download CSV" for one table; the hidden text says which, for screen-reader link lists. */
export function CsvLink({ table, query = "", what }: { table: string; query?: string; what: string }) {
  return (
    <p className="-mt-4 mb-8">
      <a href={`/impact/export/${table}${query}`} download>
        Download CSV<span className="sr-only"> of {what}</span>
      </a>
    </p>
  );
}

/** One sentence per group, so the chart's accessible name carries its numbers. */
function describe(rows: (Figures & { name: string })[], of: string): string {
  if (rows.length === 0) return `No accepted returns yet, so there is nothing to chart by ${of}.`;
  return rows.map((r) => `${r.name}: ${r.enrolled} enrolled, ${r.completed} completed, ${r.deployed} deployed`).join("; ") + ".";
}

export function ImpactFigures({ totals, byPeriod, byProfession, exportQuery = "" }: ImpactFiguresProps) {
  const noun = totals.returns === 1 ? "return" : "returns";
  return (
    <>
      <Table caption={`Totals across ${totals.returns} accepted ${noun}`} columns={FIGURE_COLUMNS} rows={[figureCells(totals)]} />
      <CsvLink table="totals" query={exportQuery} what="the totals" />

      <h2>Trend by period</h2>
      <Chart
        title="Learners by period"
        summary={describe(
          byPeriod.map((r) => ({ ...r, name: r.period })),
          "period",
        )}
        data={byPeriod.map((r) => ({ period: r.period, enrolled: r.enrolled, completed: r.completed, deployed: r.deployed }))}
        categoryKey="period"
        series={SERIES}
      />
      <Table
        caption="Learners by period (table of the chart above)"
        rowHeader="period"
        columns={[{ key: "period", header: "Period" }, { key: "returns", header: "Accepted returns", align: "right" }, ...FIGURE_COLUMNS]}
        rows={byPeriod.map((r) => ({ period: r.period, returns: formatCount(r.returns), ...figureCells(r) }))}
        empty="No accepted returns yet."
      />
      <CsvLink table="periods" query={exportQuery} what="learners by period" />

      <h2>By profession</h2>
      <Chart
        title="Learners by profession"
        summary={describe(
          byProfession.map((r) => ({ ...r, name: r.profession })),
          "profession",
        )}
        data={byProfession.map((r) => ({ profession: r.profession, enrolled: r.enrolled, completed: r.completed, deployed: r.deployed }))}
        categoryKey="profession"
        series={SERIES}
      />
      <Table
        caption="Learners by profession (table of the chart above)"
        rowHeader="profession"
        columns={[{ key: "profession", header: "Profession" }, ...FIGURE_COLUMNS.filter((c) => c.key !== "withdrawn")]}
        rows={byProfession.map((r) => ({ profession: r.profession, ...figureCells(r) }))}
        empty="No accepted returns yet."
      />
      <CsvLink table="professions" query={exportQuery} what="learners by profession" />
    </>
  );
}
