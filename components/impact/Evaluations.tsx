import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { formatDate } from "@/lib/format";
import { recordEvaluation } from "@/app/(app)/impact/actions";

type Evaluation = { id: string; period: string | null; conclusion: string; recommendations: string; authorName: string; createdAt: Date };

/** The Centre's evaluation conclusions (one credential's, or the collective ones) and the form to add one. Staff only. */
export function Evaluations({ evaluations, credentialId }: { evaluations: Evaluation[]; credentialId?: string }) {
  return (
    <section aria-labelledby="evaluations-heading">
      <h2 id="evaluations-heading">Evaluation conclusions</h2>
      {evaluations.length === 0 ? <p>No evaluation has been recorded yet.</p> : null}
      {evaluations.map((e) => (
        <article key={e.id} className="mb-6 border-l-8 border-nhs-blue bg-white px-4 py-3">
          <h3 className="mb-2 text-lg">
            {e.period ? `${e.period}: ` : ""}by {e.authorName}, {formatDate(e.createdAt)}
          </h3>
          <p className="whitespace-pre-line">{e.conclusion}</p>
          {e.recommendations ? (
            <p className="mb-0 whitespace-pre-line">
              <strong>Recommendations:</strong> {e.recommendations}
            </p>
          ) : null}
        </article>
      ))}
      <h3>Record an evaluation</h3>
      <ActionForm action={recordEvaluation} hidden={{ credentialId }} submitLabel="Record evaluation" labels={{ conclusion: "Conclusion" }}>
        <FormTextInput name="period" label="Period (optional)" hint="For example, 2025/26" className="md:w-40" />
        <FormTextArea name="conclusion" label="Conclusion" hint="What the figures and narratives show about value and impact." rows={4} />
        <FormTextArea name="recommendations" label="Recommendations (optional)" rows={3} />
      </ActionForm>
    </section>
  );
}
