import type { NextRequest } from "next/server";
import { csvResponse, mapBatches } from "@/lib/csv";
import { catalogueExport } from "@/lib/data/catalogue";
import { overPublicBudget } from "@/lib/security/public-budget";
import { CREDENTIAL_ORIGIN_LABELS } from "@/lib/workflow";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * Open data: every listed credential (or those matching the catalogue's search and filters) as CSV, streamed in
 * batches; `X-Total-Rows` says how many rows it holds. No sign-in.
 */
export async function GET(request: NextRequest) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const { total, batches } = await catalogueExport(Object.fromEntries(request.nextUrl.searchParams));
  return csvResponse(
    {
      filename: "credential-catalogue.csv",
      headers: [
        "Reference",
        "Title",
        "Summary",
        "Expert group",
        "Route",
        "Specification version",
        "Academic level",
        "Credits",
        "Notional hours",
        "Professions",
        "Endorsed",
        "Published",
        "Periodic review due",
        "Link",
      ],
      total,
      batches: mapBatches(batches, (c) => [
        c.reference,
        c.title,
        c.summary,
        c.ownerOrganisation.name,
        CREDENTIAL_ORIGIN_LABELS[c.origin],
        c.endorsedVersion?.number,
        c.endorsedVersion?.academicLevel,
        c.endorsedVersion?.credits,
        c.endorsedVersion?.notionalHours,
        c.endorsedVersion?.targetProfessions.map((t) => t.profession.name).join("; "),
        day(c.endorsedAt),
        day(c.publishedAt),
        day(c.reviewDueAt),
        new URL(`/catalogue/${encodeURIComponent(c.reference)}`, request.nextUrl.origin).href,
      ]),
    },
    "public, max-age=300",
  );
}
