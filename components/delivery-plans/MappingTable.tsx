import { Table } from "@/components/ui";
import type { DeliveryPlanDetail } from "@/lib/data/delivery-plans";

const COLUMNS = [
  { key: "outcome", header: "Learning outcome" },
  { key: "module", header: "Module" },
  { key: "assessment", header: "Assessment" },
];

/** Every learning outcome of the endorsed specification beside the module and assessment that deliver it. */
export function MappingTable({ plan }: { plan: Pick<DeliveryPlanDetail, "specificationVersion" | "mappings"> }) {
  const byOutcome = new Map(plan.mappings.map((m) => [m.learningOutcomeId, m]));
  const notMapped = <span className="text-nhs-secondary">Not mapped yet</span>;
  return (
    <Table
      caption="Mapping of learning outcomes"
      columns={COLUMNS}
      rowHeader="outcome"
      rows={plan.specificationVersion.learningOutcomes.map((o) => {
        const m = byOutcome.get(o.id);
        return {
          outcome: `${o.position}. ${o.text}`,
          module: m?.module || notMapped,
          assessment: m?.assessment || notMapped,
        };
      })}
      empty="The endorsed specification has no learning outcomes."
    />
  );
}
