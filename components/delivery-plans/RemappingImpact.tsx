import Link from "@/components/ui/Link";
import { StatusTag, Table } from "@/components/ui";
import { remappingLink, type remappingImpact } from "@/lib/data/remapping";
import { formatDate } from "@/lib/format";
import { remappingMachine } from "@/lib/workflow";

/** Which plans and providers a credential's new specification versions affect, each re-mapping task's state and deadline. */
export function RemappingImpact({ impact }: { impact: Awaited<ReturnType<typeof remappingImpact>> }) {
  if (impact.total === 0) return null;
  return (
    <>
      <Table
        caption={`Delivery plans affected by new versions (${impact.total})`}
        columns={[
          { key: "plan", header: "Delivery plan" },
          { key: "provider", header: "Provider" },
          { key: "versions", header: "Versions" },
          { key: "status", header: "Re-mapping" },
          { key: "due", header: "Deadline" },
        ]}
        rowHeader="plan"
        rows={impact.rows.map((t) => ({
          plan: <Link href={remappingLink(t.id)}>{t.plan.programmeTitle}</Link>,
          provider: t.organisation.name,
          versions: `${t.fromVersion.number} to ${t.toVersion.number}`,
          status: <StatusTag status={t.status} label={remappingMachine.labels[t.status]} />,
          due: formatDate(t.dueOn),
        }))}
      />
      {impact.total > impact.rows.length ? (
        <p className="mb-8">
          Showing the {impact.rows.length} soonest deadlines of {impact.total}.
        </p>
      ) : null}
    </>
  );
}
