import Link from "@/components/ui/Link";
import { Table } from "@/components/ui";
import type { ActivityRow } from "@/lib/data/activity";
import { formatDateTime, humanise } from "@/lib/format";

const change = (e: ActivityRow) =>
  e.fromState && e.toState && e.fromState !== e.toState ? `${humanise(e.fromState)} → ${humanise(e.toState)}` : humanise(e.toState ?? "");

/** Lifecycle activity: when, which record (linked to its page), what changed and who did it. */
export function ActivityTable({ rows, caption, captionHidden = false }: { rows: ActivityRow[]; caption: string; captionHidden?: boolean }) {
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      columns={[
        { key: "when", header: "When" },
        { key: "record", header: "Record" },
        { key: "what", header: "What happened" },
        { key: "who", header: "By" },
      ]}
      rows={rows.map((e) => ({
        when: formatDateTime(e.createdAt),
        record: e.record?.href ? <Link href={e.record.href}>{e.record.label}</Link> : (e.record?.label ?? humanise(e.entityType)),
        what: [humanise(e.action), change(e), e.reason ? `Reason: ${e.reason}` : ""].filter(Boolean).join(". "),
        who: `${e.actorName}${e.actorRole ? ` (${humanise(e.actorRole)})` : ""}`,
      }))}
      empty="No activity yet."
    />
  );
}
