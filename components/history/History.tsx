import { Table } from "@/components/ui";
import { historyOf } from "@/lib/data/history";
import { formatDateTime, humanise } from "@/lib/format";

/** "History": who did what, when and why, from the audit trail of the given entities. */
export async function History({ entityIds, heading = "History" }: { entityIds: string[]; heading?: string }) {
  const events = await historyOf(entityIds);
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="mb-4 text-2xl font-bold">{heading}</h2>
      <Table
        caption={heading}
        captionHidden
        columns={[
          { key: "when", header: "When" },
          { key: "who", header: "Who" },
          { key: "what", header: "What" },
          { key: "why", header: "Why" },
        ]}
        rows={events.map((e) => ({
          when: formatDateTime(e.createdAt),
          who: `${e.actorName}${e.actorRole ? ` (${humanise(e.actorRole)})` : ""}`,
          what: `${humanise(e.entityType)}: ${humanise(e.action)}${e.fromState && e.toState && e.fromState !== e.toState ? ` (${humanise(e.fromState)} → ${humanise(e.toState)})` : ""}`,
          why: e.reason ?? "",
        }))}
        empty="Nothing has happened yet."
      />
    </section>
  );
}
