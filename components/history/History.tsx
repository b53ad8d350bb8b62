import { KeysetPagination, Table } from "@/components/ui";
import type { SearchParamsInput } from "@/components/ui/Pagination";
import { requireUser } from "@/lib/auth/session";
import { historyCursor, historyOf } from "@/lib/data/history";
import type { QueryParams } from "@/lib/data/paging";
import { formatDateTime, humanise } from "@/lib/format";

type Props = {
  entityIds: string[];
  heading?: string;
  /** The record page's path and query, for "Older"/"Newer" links (`?historyAfter=`); without them only the newest page shows. */
  basePath?: string;
  searchParams?: QueryParams;
};

/** "History": who did what, when and why, from the audit trail of the given entities, one page at a time. */
export async function History({ entityIds, heading = "History", basePath, searchParams = {} }: Props) {
  const { rows, total, next, previous } = await historyOf(await requireUser(), entityIds, historyCursor(searchParams));
  const status = total > rows.length ? `Showing ${rows.length} of ${total} events` : undefined;
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      <Table
        caption={heading}
        captionHidden
        columns={[
          { key: "when", header: "When" },
          { key: "who", header: "Who" },
          { key: "what", header: "What" },
          { key: "why", header: "Why" },
        ]}
        rows={rows.map((e) => ({
          when: formatDateTime(e.createdAt),
          who: `${e.actorName}${e.actorRole ? ` (${humanise(e.actorRole)})` : ""}`,
          what: `${humanise(e.entityType)}: ${humanise(e.action)}${e.fromState && e.toState && e.fromState !== e.toState ? ` (${humanise(e.fromState)} → ${humanise(e.toState)})` : ""}`,
          why: e.reason ?? "",
        }))}
        empty="Nothing has happened yet."
      />
      <KeysetPagination
        basePath={basePath ?? ""}
        searchParams={searchParams as SearchParamsInput}
        next={basePath ? next : null}
        previous={basePath ? previous : null}
        param="history"
        previousLabel="Newer events"
        nextLabel="Older events"
        status={status}
        label="History pages"
      />
    </section>
  );
}
