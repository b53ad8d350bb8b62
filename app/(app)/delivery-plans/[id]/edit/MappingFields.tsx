import { FormTextInput } from "@/components/forms/Fields";
import { Table, VisuallyHidden } from "@/components/ui";
import type { DeliveryPlanDetail } from "@/lib/data/delivery-plans";

/** One row per learning outcome of the endorsed specification, each asking for its module and assessment. */
export function MappingFields({ plan }: { plan: DeliveryPlanDetail }) {
  const byOutcome = new Map(plan.mappings.map((m) => [m.learningOutcomeId, m]));
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Mapping of learning outcomes</h2>
      <p className="mb-4">
        For every learning outcome of the endorsed specification (version {plan.specificationVersion.number}), give the module that teaches
        it and the assessment that shows the learner has met it.
      </p>
      <Table
        caption="Learning outcomes to map"
        captionHidden
        columns={[
          { key: "outcome", header: "Learning outcome" },
          { key: "module", header: "Module" },
          { key: "assessment", header: "Assessment" },
        ]}
        rowHeader="outcome"
        rows={plan.specificationVersion.learningOutcomes.map((o, i) => {
          const m = byOutcome.get(o.id);
          return {
            outcome: (
              <>
                <input type="hidden" name={`mappings.${i}.learningOutcomeId`} value={o.id} />
                {o.position}. {o.text}
              </>
            ),
            module: (
              <FormTextInput
                name={`mappings.${i}.module`}
                label={<VisuallyHidden>Module for learning outcome {o.position}</VisuallyHidden>}
                defaultValue={m?.module}
              />
            ),
            assessment: (
              <FormTextInput
                name={`mappings.${i}.assessment`}
                label={<VisuallyHidden>Assessment for learning outcome {o.position}</VisuallyHidden>}
                defaultValue={m?.assessment}
              />
            ),
          };
        })}
        empty="The endorsed specification has no learning outcomes."
      />
    </>
  );
}
