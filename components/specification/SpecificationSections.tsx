import type { ReactNode } from "react";
import { StatusTag, type SearchParamsInput } from "@/components/ui";
import type { CommentPaging, CommentThreadData, SectionCommentCounts } from "@/lib/data/comments";
import { PILLAR_LABELS, type SpecificationSectionKey } from "@/lib/workflow";
import { CommentThread, type CommentActions } from "./CommentThread";
import { sectionsOf, sectionText, type SpecificationContentView } from "./section-text";

// The read view of a specification version: every section in order, each with its comment threads. Each section's
// id is its key, so the error summary of a refused submission links straight to the missing section.

const NOT_WRITTEN = <p className="text-nhs-secondary">Not written yet.</p>;

function sectionBody(v: SpecificationContentView, key: SpecificationSectionKey): ReactNode {
  if (key === "learningOutcomes") {
    if (v.learningOutcomes.length === 0) return NOT_WRITTEN;
    return (
      <ol className="list-decimal space-y-3 pl-6">
        {v.learningOutcomes.map((o, i) => (
          <li key={i}>
            <p className="mb-1">{o.text || <span className="text-nhs-secondary">No text yet.</span>}</p>
            <p className="flex flex-wrap gap-2">
              <span className="sr-only">Pillars:</span>
              {o.pillars.length === 0 ? <span className="text-nhs-secondary">No pillar chosen yet.</span> : null}
              {o.pillars.map((p) => (
                <StatusTag key={p} status="PILLAR" label={PILLAR_LABELS[p]} />
              ))}
            </p>
          </li>
        ))}
      </ol>
    );
  }
  if (key === "epas") {
    if (v.epas.length === 0) return <p className="text-nhs-secondary">None.</p>;
    return (
      <ol className="list-decimal space-y-3 pl-6">
        {v.epas.map((e, i) => (
          <li key={i}>
            <p className="mb-1 font-bold">{e.title}</p>
            <p className="whitespace-pre-line">{e.description}</p>
          </li>
        ))}
      </ol>
    );
  }
  const text = sectionText(v, key);
  return text ? <p className="whitespace-pre-line">{text}</p> : NOT_WRITTEN;
}

type Props = {
  version: SpecificationContentView & { id: string };
  threads: Map<string, CommentThreadData[]>;
  counts: Map<string, SectionCommentCounts>;
  paging: CommentPaging;
  pagePath: string;
  searchParams: SearchParamsInput;
  open: { comment?: string; reply?: string };
  /** Null for users who take no part in the conversation (providers): they see no comments. */
  commentActions: CommentActions | null;
};

export function SpecificationSections({ version, threads, counts, paging, pagePath, searchParams, open, commentActions }: Props) {
  return (
    <>
      {sectionsOf(version).map((section) => (
        <section key={section.key} id={section.key} aria-labelledby={`${section.key}-heading`} className="mb-10">
          <h2 id={`${section.key}-heading`} className="mb-3 text-xl font-bold md:text-2xl">
            {section.label}
          </h2>
          {sectionBody(version, section.key)}
          {commentActions ? (
            <CommentThread
              section={section}
              threads={threads.get(section.key) ?? []}
              counts={counts.get(section.key) ?? { open: 0, resolved: 0 }}
              paging={paging}
              versionId={version.id}
              pagePath={pagePath}
              searchParams={searchParams}
              open={open}
              actions={commentActions}
            />
          ) : null}
        </section>
      ))}
    </>
  );
}
