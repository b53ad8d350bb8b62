import { FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { CriterionGuidance } from "@/components/endorsement/CriterionGuidance";
import type { RatingCriterion } from "@/lib/data/criteria-sets";

type Values = { title?: string; needSummary?: string; evidence?: ReadonlyMap<string, string> };

/** Hidden fields and labels for the evidence boxes, so the error summary names each criterion. */
export function evidenceFormParts(criteria: readonly Pick<RatingCriterion, "id" | "number">[]) {
  const hidden: Record<string, string> = {};
  const labels: Record<string, string> = { title: "Area of practice", needSummary: "Summary of the need" };
  criteria.forEach((c, i) => {
    hidden[`evidence.${i}.criterionId`] = c.id;
    labels[`evidence.${i}.text`] = `Evidence for criterion ${c.number}`;
  });
  return { hidden, labels };
}

/** The structured proposal: what is proposed, why, and one evidence box per gateway criterion with its guidance. */
export function ProposalFields({ criteria, values = {} }: { criteria: readonly RatingCriterion[]; values?: Values }) {
  return (
    <>
      <FormTextInput name="title" label="Area of practice" hint="What the credential would cover." defaultValue={values.title} />
      <FormTextArea
        name="needSummary"
        label="Summary of the need"
        hint="The workforce and population need this area of practice answers, and the evidence of its scale."
        rows={5}
        defaultValue={values.needSummary}
      />
      {criteria.map((c, i) => (
        <section key={c.id} aria-labelledby={`criterion-${i}`} className="mb-8 border-b border-nhs-grey-4 pb-4">
          <h2 id={`criterion-${i}`} className="mb-2 text-xl font-bold">
            Criterion {c.number}: {c.title}
          </h2>
          {c.partOf ? (
            <p className="mb-2">
              Part of criterion {c.partOf.number}: {c.partOf.title}
            </p>
          ) : null}
          <p className="mb-4">{c.description}</p>
          <CriterionGuidance criterion={c} />
          <FormTextArea
            name={`evidence.${i}.text`}
            label={`Evidence for criterion ${c.number}`}
            hint="You can save a draft without it; every criterion needs evidence before you submit."
            rows={5}
            defaultValue={values.evidence?.get(c.id)}
          />
        </section>
      ))}
    </>
  );
}
