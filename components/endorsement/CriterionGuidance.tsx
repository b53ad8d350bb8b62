import type { RatingCriterion } from "@/lib/data/criteria-sets";

/** The guidance notes that apply to a criterion, as the Centre publishes them beside the criteria, one note a line. */
export function CriterionGuidance({ criterion }: { criterion: Pick<RatingCriterion, "number" | "guidance"> }) {
  const notes = criterion.guidance.flatMap((g) => g.split("\n")).filter((n) => n.trim());
  if (notes.length === 0) return null;
  return (
    <details className="mb-4">
      <summary className="cursor-pointer text-nhs-blue underline">Guidance notes for criterion {criterion.number}</summary>
      <ul className="mt-2 mb-0 list-disc pl-6">
        {notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>
    </details>
  );
}
