import type { NextRequest } from "next/server";
import { catalogueExport } from "@/lib/data/catalogue";
import { CATALOGUE_JSONLD_CONTEXT, catalogueAchievement } from "@/lib/data/catalogue-jsonld";
import { overPublicBudget } from "@/lib/security/public-budget";

export const dynamic = "force-dynamic";

/**
 * Open data: every listed credential (or those matching the catalogue's search and filters) as one JSON-LD document,
 * an `@graph` of Open Badges 3.0 achievements with CTDL terms. It streams a batch at a time (the next query runs when
 * the client has read the last batch), so the server never holds the whole catalogue; `X-Total-Rows` says how many.
 */
export async function GET(request: NextRequest) {
  const limited = await overPublicBudget();
  if (limited) return limited;
  const { total, batches } = await catalogueExport(Object.fromEntries(request.nextUrl.searchParams));
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{"@context":${JSON.stringify(CATALOGUE_JSONLD_CONTEXT)},"@graph":[`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode("]}\n"));
        controller.close();
        return;
      }
      const nodes = next.value.map((c) =>
        JSON.stringify(
          catalogueAchievement({
            ...c,
            academicLevel: c.endorsedVersion?.academicLevel ?? null,
            credits: c.endorsedVersion?.credits ?? null,
            professions: c.endorsedVersion?.targetProfessions.map((t) => t.profession.name) ?? [],
          }),
        ),
      );
      controller.enqueue(encoder.encode((first ? "\n" : ",\n") + nodes.join(",\n")));
      first = false;
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="credential-catalogue.jsonld"',
      "Cache-Control": "public, max-age=300",
      "X-Total-Rows": String(total),
    },
  });
}
