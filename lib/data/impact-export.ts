import "server-only";
import type { CsvValue } from "@/lib/csv";
import { allImpactReturns, type ImpactFilters } from "@/lib/data/impact";
import { impactByCredential, impactByPeriod, impactByProfession, impactTotals, type Figures } from "@/lib/data/impact-figures";
import { impactReturnMachine, type Actor } from "@/lib/workflow";

// The CSV behind every impact table's "Download CSV" link: same queries, same scoping, as the page shows.

export const IMPACT_TABLES = ["returns", "totals", "periods", "professions", "credentials"] as const;
export type ImpactTable = (typeof IMPACT_TABLES)[number];

export type CsvTable = { filename: string; headers: string[]; rows: CsvValue[][] };

/** Rates as percentages with one decimal place, blank when there is nothing to divide by. */
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const FIGURE_HEADERS = ["Enrolled", "Completed", "Withdrawn", "Deployed", "Completion rate (%)", "Deployment rate (%)"];
const figureCells = (f: Figures): CsvValue[] => [f.enrolled, f.completed, f.withdrawn, f.deployed, pct(f.completionRate), pct(f.deploymentRate)];

export type ExportOptions = { credentialId?: string; filters?: ImpactFilters };

export async function impactCsv(actor: Actor, table: string, options: ExportOptions = {}): Promise<CsvTable | null> {
  const scope = { credentialId: options.credentialId };
  const suffix = options.credentialId ? `-${options.credentialId}` : "";
  switch (table as ImpactTable) {
    case "returns": {
      const rows = await allImpactReturns(actor, options.filters);
      return {
        filename: "impact-returns.csv",
        headers: ["Credential", "Title", "Provider", "Period", "Enrolled", "Completed", "Withdrawn", "Deployed", "Status"],
        rows: rows.map((r) => [
          r.credential.reference, r.credential.title, r.organisation.name, r.period,
          r.enrolled, r.completed, r.withdrawn, r.deployed, impactReturnMachine.labels[r.status],
        ]),
      };
    }
    case "totals": {
      const t = await impactTotals(actor, scope);
      return { filename: `impact-totals${suffix}.csv`, headers: ["Accepted returns", ...FIGURE_HEADERS], rows: [[t.returns, ...figureCells(t)]] };
    }
    case "periods": {
      const rows = await impactByPeriod(actor, scope);
      return {
        filename: `impact-by-period${suffix}.csv`,
        headers: ["Period", "Accepted returns", ...FIGURE_HEADERS],
        rows: rows.map((r) => [r.period, r.returns, ...figureCells(r)]),
      };
    }
    case "professions": {
      const rows = await impactByProfession(actor, scope);
      return {
        filename: `impact-by-profession${suffix}.csv`,
        headers: ["Profession", ...FIGURE_HEADERS.filter((h) => h !== "Withdrawn")],
        rows: rows.map((r) => [r.profession, ...figureCells(r).filter((_, i) => i !== 2)]),
      };
    }
    case "credentials": {
      const rows = await impactByCredential(actor);
      return {
        filename: "impact-by-credential.csv",
        headers: ["Credential", "Title", "Accepted returns", ...FIGURE_HEADERS],
        rows: rows.map((r) => [r.credential.reference, r.credential.title, r.returns, ...figureCells(r)]),
      };
    }
    default:
      return null;
  }
}
