import { Fragment } from "react";
import { Table, VisuallyHidden } from "@/components/ui";
import { alignLists, diffWords, sidesOf, type DiffPart, type ListRow } from "@/lib/diff";
import { SPECIFICATION_SECTIONS } from "@/lib/workflow";
import { sectionItems, sectionText, type SpecificationContentView } from "./section-text";

// Two specification versions side by side, section by section, with word-level changes marked. Insertions and
// deletions are <ins>/<del> with hidden "added"/"removed" words, so the change is not shown by colour alone.

type Side = { number: number; statusLabel: string };
type Version = SpecificationContentView & Side;

export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  if (parts.every((p) => p.text.trim() === "")) return <p className="text-nhs-secondary">Not in this version.</p>;
  return (
    <p className="mb-0 whitespace-pre-line">
      {parts.map((p, i) =>
        p.kind === "equal" ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : p.kind === "added" ? (
          <ins key={i} className="bg-[#cce5d8] text-nhs-text decoration-2">
            <VisuallyHidden>[added: </VisuallyHidden>
            {p.text}
            <VisuallyHidden>]</VisuallyHidden>
          </ins>
        ) : (
          <del key={i} className="bg-[#f7d4d1] text-nhs-text decoration-2">
            <VisuallyHidden>[removed: </VisuallyHidden>
            {p.text}
            <VisuallyHidden>]</VisuallyHidden>
          </del>
        ),
      )}
    </p>
  );
}

const columnsOf = (a: Side, b: Side) => [
  { key: "a", header: `Version ${a.number} (${a.statusLabel})` },
  { key: "b", header: `Version ${b.number} (${b.statusLabel})` },
];

function rowCells({ before, after }: ListRow) {
  const { before: left, after: right } = sidesOf(diffWords(before ?? "", after ?? ""));
  return { a: <DiffText parts={left} />, b: <DiffText parts={right} /> };
}

function SectionComparison({ label, id, a, b, rows }: { label: string; id: string; a: Side; b: Side; rows: ListRow[] }) {
  const unchanged = rows.every((r) => r.before === r.after);
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-10">
      <h2 id={`${id}-heading`} className="mb-3 text-xl font-bold md:text-2xl">
        {label}
      </h2>
      {unchanged ? (
        <>
          <p className="mb-2 font-bold">Unchanged</p>
          {rows.length === 0 || rows.every((r) => !r.before) ? (
            <p className="text-nhs-secondary">Not written in either version.</p>
          ) : (
            rows.map((r, i) => (
              <p key={i} className="mb-2 whitespace-pre-line">
                {r.before}
              </p>
            ))
          )}
        </>
      ) : (
        <Table
          caption={`${label}: changes from version ${a.number} to version ${b.number}`}
          captionHidden
          columns={columnsOf(a, b)}
          rows={rows.map(rowCells)}
        />
      )}
    </section>
  );
}

export function VersionDiff({ a, b }: { a: Version; b: Version }) {
  const sections = SPECIFICATION_SECTIONS.filter((s) => !("onlyForRevisions" in s) || a.number > 1 || b.number > 1);
  const changed = sections.filter((s) => sectionText(a, s.key) !== sectionText(b, s.key));
  return (
    <>
      <p className="mb-8">
        {changed.length === 0
          ? "The two versions are the same."
          : `${changed.length} of ${sections.length} sections changed: ${changed.map((s) => s.label).join(", ")}.`}
      </p>
      {sections.map((s) => {
        const rows =
          s.key === "learningOutcomes" || s.key === "epas"
            ? alignLists(sectionItems(a, s.key), sectionItems(b, s.key))
            : [{ before: sectionText(a, s.key), after: sectionText(b, s.key) }];
        return <SectionComparison key={s.key} id={s.key} label={s.label} a={a} b={b} rows={rows} />;
      })}
    </>
  );
}
