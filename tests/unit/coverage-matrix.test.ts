import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bodyRows, CoverageMatrix } from "@/components/specification/CoverageMatrix";
import type { CoverageMatrixData } from "@/lib/data/capability-mapping";
import { capabilityCoverage } from "@/lib/workflow";

// The coverage matrix writes its body rows as one HTML string (components/specification/CoverageMatrix.tsx): the
// rows must be what React would have written for the same cells, and an outcome's text only ever text.

const capabilities = [
  { id: "c1", number: "1.1", pillar: "CLINICAL_PRACTICE" as const, summary: "Practise autonomously" },
  { id: "c2", number: "2.1", pillar: "LEADERSHIP_AND_MANAGEMENT" as const, summary: "Lead change" },
  { id: "c3", number: "4.1", pillar: "RESEARCH" as const, summary: "Use research" },
];

function matrixOf(outcomes: { text: string; capabilityIds: string[] }[]): CoverageMatrixData {
  const positioned = outcomes.map((o, i) => ({ id: `o${i + 1}`, position: i + 1, ...o }));
  return {
    edition: { id: "e", year: 2025, title: "Framework", sourceTitle: "Source", sourceUrl: "https://example.org/framework" },
    outcomes: positioned,
    coverage: capabilityCoverage({ capabilities, outcomes: positioned, uncovered: [] }),
  };
}

/** The rows as React elements, the way the table wrote them before. */
function reactRows(matrix: CoverageMatrixData) {
  const rows = matrix.outcomes.map((o) =>
    h(
      "tr",
      { key: o.position },
      h(
        "th",
        { scope: "row", className: "max-w-72 text-left font-normal" },
        h("span", { className: "font-bold" }, `Outcome ${o.position}`),
        h("span", { className: "line-clamp-2" }, o.text || "No text yet"),
      ),
      ...matrix.coverage.map((c) =>
        h("td", { key: c.capability.number }, c.outcomes.includes(o.position) ? h("strong", null, "Yes") : "No"),
      ),
    ),
  );
  return renderToStaticMarkup(h("tbody", null, rows)).replace(/^<tbody>|<\/tbody>$/g, "");
}

describe("the coverage matrix's body rows", () => {
  it("are the markup React writes for the same rows and cells", () => {
    const matrix = matrixOf([
      { text: "Assess complex presentations", capabilityIds: ["c1", "c3"] },
      { text: "", capabilityIds: [] },
      { text: "Lead a team & teach", capabilityIds: ["c2"] },
    ]);
    expect(bodyRows(matrix.outcomes, matrix.coverage)).toBe(reactRows(matrix));
  });

  it("write an outcome's text as text, never as markup", () => {
    const hostile = `</span></th></tr><script>alert("x")</script><img src=x onerror='alert(1)'> &amp;`;
    const matrix = matrixOf([{ text: hostile, capabilityIds: ["c1"] }]);
    const html = renderToStaticMarkup(h(CoverageMatrix, { matrix }));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;/span&gt;&lt;/th&gt;&lt;/tr&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("onerror=&apos;alert(1)&apos;&gt; &amp;amp;");
    expect(html.match(/<tr>/g)).toHaveLength(4); // the two header rows, the outcome's, the footer's
  });

  it("say so when there are no learning outcomes", () => {
    expect(renderToStaticMarkup(h(CoverageMatrix, { matrix: matrixOf([]) }))).toContain("No learning outcomes yet.");
  });
});
