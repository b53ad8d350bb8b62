import "server-only";
import { mapBatches, oneBatch, type CsvExport, type CsvValue } from "@/lib/csv";
import { IMPACT_EXPORT_BATCH, countImpactReturns, impactReturnBatches, type ImpactFilters } from "@/lib/data/impact";
import { oneOf } from "@/lib/data/paging";
import {
  countCredentialsWithImpact,
  impactByCredentialBatches,
  impactByPeriod,
  impactByProfession,
  impactTotals,
  type Figures,
} from "@/lib/data/impact-figures";
import { impactReturnMachine, type Actor } from "@/lib/workflow";

// The CSV behind every impact table's "Download CSV" link: same scoping, and the same figures, as the page shows.
// Every return, and the portfolio's row per credential, grow without bound, so they stream in keyset batches; the
// other tables are a handful of aggregate rows.

export const IMPACT_TABLES = ["returns", "totals", "periods", "professions", "credentials"] as const;
export type ImpactTable = (typeof IMPACT_TABLES)[number];

/** Rates as percentages with one decimal place, blank when there is nothing to divide by. */
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const FIGURE_HEADERS = ["Enrolled", "Completed", "Withdrawn", "Deployed", "Completion rate (%)", "Deployment rate (%)"];
const figureCells = (f: Figures): CsvValue[] => [
  f.enrolled,
  f.completed,
  f.withdrawn,
  f.deployed,
  pct(f.completionRate),
  pct(f.deploymentRate),
];

/** An aggregate table, already read in one query: one batch. */
const table1 = (filename: string, headers: string[], rows: CsvValue[][]): CsvExport => ({
  filename,
  headers,
  total: rows.length,
  batches: oneBatch(rows),
});

export type ExportOptions = { credentialId?: string; filters?: ImpactFilters };

export async function impactCsv(actor: Actor, table: string, options: ExportOptions = {}): Promise<CsvExport | null> {
  const scope = { credentialId: options.credentialId };
  const suffix = options.credentialId ? `-${options.credentialId}` : "";
  switch (oneOf(IMPACT_TABLES, table)) {
    case "returns": {
      return {
        filename: "impact-returns.csv",
        headers: ["Credential", "Title", "Provider", "Period", "Enrolled", "Completed", "Withdrawn", "Deployed", "Status"],
        total: await countImpactReturns(actor, options.filters),
        batches: mapBatches(impactReturnBatches(actor, options.filters), (r) => [
          r.credential.reference,
          r.credential.title,
          r.organisation.name,
          r.period,
          r.enrolled,
          r.completed,
          r.withdrawn,
          r.deployed,
          impactReturnMachine.labels[r.status],
        ]),
      };
    }
    case "totals": {
      const t = await impactTotals(actor, scope);
      return table1(`impact-totals${suffix}.csv`, ["Accepted returns", ...FIGURE_HEADERS], [[t.returns, ...figureCells(t)]]);
    }
    case "periods": {
      const rows = await impactByPeriod(actor, scope);
      return table1(
        `impact-by-period${suffix}.csv`,
        ["Period", "Accepted returns", ...FIGURE_HEADERS],
        rows.map((r) => [r.period, r.returns, ...figureCells(r)]),
      );
    }
    case "professions": {
      const rows = await impactByProfession(actor, scope);
      return table1(
        `impact-by-profession${suffix}.csv`,
        ["Profession", ...FIGURE_HEADERS.filter((h) => h !== "Withdrawn")],
        rows.map((r) => [r.profession, ...figureCells(r).filter((_, i) => i !== 2)]),
      );
    }
    case "credentials": {
      return {
        filename: "impact-by-credential.csv",
        headers: ["Credential", "Title", "Accepted returns", ...FIGURE_HEADERS],
        total: await countCredentialsWithImpact(actor),
        batches: mapBatches(impactByCredentialBatches(actor, IMPACT_EXPORT_BATCH), (r) => [
          r.credential.reference,
          r.credential.title,
          r.returns,
          ...figureCells(r),
        ]),
      };
    }
    default:
      return null;
  }
}
