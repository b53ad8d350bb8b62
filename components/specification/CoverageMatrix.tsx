import { escapeUTF8 } from "entities";
import { Fragment, useId } from "react";
import { VisuallyHidden } from "@/components/ui";
import type { CoverageMatrixData } from "@/lib/data/capability-mapping";
import { PILLAR_LABELS, PILLARS, UNCOVERED_DISPOSITION_LABELS, type CoverageStatus } from "@/lib/workflow";

// Rows: learning outcomes; columns: the edition's core capabilities, grouped by pillar. Marks are words ("Yes" in bold,
// "No" in grey), so nothing depends on colour and every cell reads the same to a screen reader as it looks; the table
// scrolls sideways in a focusable region, so keyboard users can reach every column. A specification has a few hundred
// cells: they hold a word and take their borders, padding, alignment and colour from `.coverage-table`
// (app/globals.css) rather than elements and classes of their own, which the page would carry twice (HTML and React
// payload).

const STATUS_MARK: Record<CoverageStatus, string> = {
  COVERED: "Covered",
  OTHER_PROVISION: "Other provision",
  OUT_OF_SCOPE: "Out of scope",
  MISSING: "Missing",
};

/**
 * The body's rows, one per learning outcome and a cell per capability, as HTML. They are most of a specification's
 * page (a few hundred cells) and hold nothing interactive: built as one string, React passes them through instead of
 * creating, serialising (into the page's payload) and rendering an element per cell — measured on a catalogue entry at
 * 20 clients, about 2 ms less of the web server's CPU a request (12–15 %). The only text from people is each outcome's,
 * escaped by `entities`; every other part is fixed markup.
 */
export function bodyRows(outcomes: CoverageMatrixData["outcomes"], columns: CoverageMatrixData["coverage"]): string {
  return outcomes
    .map((o) => {
      const cells = columns.map((c) => (c.outcomes.includes(o.position) ? "<td><strong>Yes</strong></td>" : "<td>No</td>")).join("");
      const text = escapeUTF8(o.text || "No text yet");
      return `<tr><th scope="row" class="max-w-72 text-left font-normal"><span class="font-bold">Outcome ${o.position}</span><span class="line-clamp-2">${text}</span></th>${cells}</tr>`;
    })
    .join("");
}

function countsInWords(coverage: CoverageMatrixData["coverage"]) {
  const count = (s: CoverageStatus) => coverage.filter((c) => c.status === s).length;
  const parts = [
    `${count("COVERED")} of ${coverage.length} core capabilities are covered by learning outcomes`,
    `${count("OTHER_PROVISION")} met through other provision`,
    `${count("OUT_OF_SCOPE")} out of scope`,
    `${count("MISSING")} missing`,
  ];
  return `${parts.join("; ")}.`;
}

export function CoverageMatrix({ matrix, caption }: { matrix: CoverageMatrixData; caption?: string }) {
  const captionId = useId();
  const { edition, outcomes, coverage } = matrix;
  const groups = PILLARS.map((pillar) => ({ pillar, columns: coverage.filter((c) => c.capability.pillar === pillar) })).filter(
    (g) => g.columns.length > 0,
  );
  const columns = groups.flatMap((g) => g.columns);
  const linked = coverage.filter((c) => c.status === "OTHER_PROVISION");
  const outOfScope = coverage.filter((c) => c.status === "OUT_OF_SCOPE");
  if (coverage.length === 0) {
    return (
      <p>
        The {edition.title} ({edition.year}) has no core capabilities recorded yet.
      </p>
    );
  }
  return (
    <div className="coverage-matrix mb-8">
      <p>{countsInWords(coverage)}</p>
      <div role="region" aria-labelledby={captionId} tabIndex={0} className="mb-4 overflow-x-auto">
        <table className="coverage-table">
          <caption id={captionId} className="mb-3 text-left text-lg font-bold">
            {caption ?? `Learning outcomes against the core capabilities of the ${edition.title} (${edition.year})`}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="min-w-48 text-left">
                Learning outcome
              </th>
              {groups.map((g) => (
                <th key={g.pillar} scope="colgroup" colSpan={g.columns.length} className="text-left">
                  {PILLAR_LABELS[g.pillar]}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((c) => (
                <th key={c.capability.number} scope="col">
                  <VisuallyHidden>Capability </VisuallyHidden>
                  {c.capability.number}
                </th>
              ))}
            </tr>
          </thead>
          {outcomes.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns.length + 1} className="text-left">
                  No learning outcomes yet.
                </td>
              </tr>
            </tbody>
          ) : (
            <tbody dangerouslySetInnerHTML={{ __html: bodyRows(outcomes, columns) }} />
          )}
          <tfoot>
            <tr>
              <th scope="row" className="text-left">
                Capability met
              </th>
              {columns.map((c) => (
                <td key={c.capability.number} {...(c.status === "MISSING" ? { className: "font-bold text-nhs-red" } : {})}>
                  {STATUS_MARK[c.status]}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {linked.length > 0 ? (
        <>
          <h3 className="mb-2 text-lg font-bold">{UNCOVERED_DISPOSITION_LABELS.OTHER_PROVISION}</h3>
          <dl className="mb-4">
            {linked.map((c) => (
              <div key={c.capability.id} className="mb-2">
                <dt className="font-bold">Capability {c.capability.number}</dt>
                <dd className="whitespace-pre-line">{c.provision}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {outOfScope.length > 0 ? (
        <p>
          <span className="font-bold">{UNCOVERED_DISPOSITION_LABELS.OUT_OF_SCOPE}:</span>{" "}
          {outOfScope.map((c) => c.capability.number).join(", ")}.
        </p>
      ) : null}
      <details className="mb-4">
        <summary className="cursor-pointer text-nhs-blue underline">What the capability numbers mean</summary>
        {groups.map((g) => (
          <div key={g.pillar} className="mt-3">
            <h3 className="mb-1 text-base font-bold">{PILLAR_LABELS[g.pillar]}</h3>
            <dl className="capability-legend">
              {g.columns.map((c) => (
                <Fragment key={c.capability.id}>
                  <dt>{c.capability.number}</dt>
                  <dd>{c.capability.summary}</dd>
                </Fragment>
              ))}
            </dl>
          </div>
        ))}
        <p className="mt-3 text-nhs-secondary">
          Summaries in our own words. Source: <a href={edition.sourceUrl}>{edition.sourceTitle}</a>.
        </p>
      </details>
    </div>
  );
}
