import { Table } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/types";
import { recentActivity } from "@/lib/data/dashboard";
import { formatDateTime, humanise } from "@/lib/format";

/** Staff see the latest lifecycle activity under their work queue. */
export async function StaffDashboard({ user }: { user: SessionUser }) {
  const events = await recentActivity(user);
  return (
    <Table
      caption="Recent activity"
      columns={[
        { key: "when", header: "When" },
        { key: "what", header: "What" },
        { key: "change", header: "Change" },
        { key: "who", header: "By" },
      ]}
      rows={events.map((e) => ({
        when: formatDateTime(e.createdAt),
        what: `${humanise(e.entityType)} – ${humanise(e.action)}`,
        change:
          e.fromState && e.toState && e.fromState !== e.toState
            ? `${humanise(e.fromState)} → ${humanise(e.toState)}`
            : humanise(e.toState ?? ""),
        who: humanise(e.actorRole ?? "system"),
      }))}
      empty="No activity yet."
    />
  );
}
