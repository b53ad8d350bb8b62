import { pillarList, sectionsOf, sectionText, type SpecificationContentView } from "@/components/specification/section-text";

/** Every section of an endorsed specification, in section order, as a document that reads and prints well. */
export function SpecificationDocument({ spec }: { spec: SpecificationContentView }) {
  return (
    <>
      {sectionsOf(spec).map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="mb-8 break-inside-avoid-page">
          <h2 id={`section-${section.key}`} className="mb-3 text-2xl">
            {section.label}
          </h2>
          {section.key === "learningOutcomes" ? (
            <ol className="list-decimal space-y-3 pl-6">
              {spec.learningOutcomes.map((o, i) => (
                <li key={i}>
                  {o.text}
                  <span className="block text-nhs-secondary">Pillars of advanced practice: {pillarList(o.pillars)}</span>
                </li>
              ))}
            </ol>
          ) : section.key === "epas" ? (
            spec.epas.length > 0 ? (
              <ol className="list-decimal space-y-3 pl-6">
                {spec.epas.map((e, i) => (
                  <li key={i}>
                    <strong>{e.title}</strong>
                    <span className="block whitespace-pre-line">{e.description}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p>None.</p>
            )
          ) : section.key === "targetGroup" ? (
            <>
              <p className="whitespace-pre-line">{spec.targetGroup || "Not stated."}</p>
              {spec.targetProfessions?.length ? (
                <>
                  <h3 className="mt-4 mb-2 text-lg">Professions</h3>
                  <ul className="list-disc pl-6">
                    {spec.targetProfessions.map((t) => (
                      <li key={t.profession.name}>{t.profession.name}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <p className="whitespace-pre-line">{sectionText(spec, section.key) || "Not stated."}</p>
          )}
        </section>
      ))}
    </>
  );
}
