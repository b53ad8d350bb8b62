import Link from "@/components/ui/Link";
import type { FormAction } from "@/components/forms/ActionForm";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextArea } from "@/components/forms/Fields";
import { hrefWith, PagerNav, StatusTag, type SearchParamsInput } from "@/components/ui";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import {
  REPLIES_PER_PAGE,
  THREADS_PER_PAGE,
  type CommentPaging,
  type CommentThreadData,
  type SectionCommentCounts,
} from "@/lib/data/comments";
import { formatDateTime, humanise } from "@/lib/format";
import { commentMachine } from "@/lib/workflow";

// The comment threads on one section of a specification version. Only one comment box is on the page at a time
// (chosen by the URL: ?comment=<section> or ?reply=<comment id>), so it works without JavaScript and every field
// keeps a unique id.

export type CommentActions = { add: FormAction; resolve: FormAction; reopen: FormAction };

type Props = {
  section: { key: string; label: string };
  /** One page of the section's threads, each with one page of its replies. */
  threads: readonly CommentThreadData[];
  counts: SectionCommentCounts;
  paging: CommentPaging;
  versionId: string;
  /** The page's own path and query, for the "Add a comment", "Reply" and paging links. */
  pagePath: string;
  searchParams: SearchParamsInput;
  /** What the URL asks to open: a new comment on this section, or a reply to one thread. */
  open: { comment?: string; reply?: string };
  actions: CommentActions;
};

/** "2 open, 1 resolved" as status tags, for a section heading or a summary. */
export function CommentCounts({ counts: { open, resolved } }: { counts: SectionCommentCounts }) {
  if (open + resolved === 0) return <span className="text-nhs-secondary">No comments</span>;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {open > 0 ? <StatusTag status="OPEN" label={`${open} open`} /> : null}
      {resolved > 0 ? <StatusTag status="RESOLVED" label={`${resolved} resolved`} /> : null}
    </span>
  );
}

function Byline({ author, at }: { author: { name: string; role: string }; at: Date }) {
  return (
    <p className="mb-1 text-nhs-secondary">
      <strong className="text-nhs-text">{author.name}</strong> ({humanise(author.role)}), {formatDateTime(at)}
    </p>
  );
}

function CommentBox(props: {
  action: FormAction;
  versionId: string;
  section: string;
  parentId?: string;
  label: string;
  submitLabel: string;
}) {
  return (
    <ActionForm
      action={props.action}
      submitLabel={props.submitLabel}
      className="mb-4"
      hidden={{ specificationVersionId: props.versionId, section: props.section, parentId: props.parentId }}
    >
      <FormTextArea name="body" label={props.label} rows={4} />
    </ActionForm>
  );
}

const pageCount = (total: number, size: number) => Math.ceil(total / size);

export function CommentThread({ section, threads, counts, paging, versionId, pagePath, searchParams, open, actions }: Props) {
  // Keeps the other lists' pages; drops a one-off confirmation ("?done=…").
  const link = (changes: Record<string, string | number | null>, hash: string) =>
    `${hrefWith(pagePath, searchParams, { done: null, ...changes })}#${hash}`;
  const threadsPage = paging.section === section.key ? paging.threadsPage : 1;
  const threadPages = pageCount(counts.open + counts.resolved, THREADS_PER_PAGE);
  const sectionPage = (p: number) => link({ section: section.key, threads: p }, section.key);
  return (
    <div className="mt-4 border-t border-nhs-grey-4 pt-4">
      <h3 className="mb-3 text-lg font-bold">
        Comments on {section.label.toLowerCase()} <CommentCounts counts={counts} />
      </h3>
      {threads.length > 0 ? (
        <ul className="mb-4 space-y-4">
          {threads.map((t) => {
            const repliesPage = paging.thread === t.id ? paging.repliesPage : 1;
            const replyPages = pageCount(t.replyCount, REPLIES_PER_PAGE);
            const repliesAt = (p: number) => link({ thread: t.id, replies: p }, `comment-${t.id}`);
            return (
              <li key={t.id} id={`comment-${t.id}`} className="border-l-4 border-nhs-blue bg-white p-4">
                <div className="mb-2">
                  <StatusTag status={t.status} label={commentMachine.labels[t.status]} />
                </div>
                <Byline author={t.author} at={t.createdAt} />
                <p className="mb-3 whitespace-pre-line">{t.body}</p>
                {t.replies.length > 0 ? (
                  <ul className="mb-3 ml-4 space-y-3 border-l-2 border-nhs-grey-4 pl-4" aria-label="Replies">
                    {t.replies.map((r) => (
                      <li key={r.id}>
                        <Byline author={r.author} at={r.createdAt} />
                        <p className="whitespace-pre-line">{r.body}</p>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {replyPages > 1 ? (
                  <PagerNav
                    label={`Replies to ${t.author.name}’s comment`}
                    previousLabel="Earlier replies"
                    nextLabel="Later replies"
                    status={`Replies page ${repliesPage} of ${replyPages} (${t.replyCount} replies)`}
                    previousHref={repliesPage > 1 ? repliesAt(repliesPage - 1) : null}
                    nextHref={repliesPage < replyPages ? repliesAt(repliesPage + 1) : null}
                  />
                ) : null}
                {open.reply === t.id ? (
                  <CommentBox
                    action={actions.add}
                    versionId={versionId}
                    section={section.key}
                    parentId={t.id}
                    label="Your reply"
                    submitLabel="Add reply"
                  />
                ) : null}
                <div className="flex flex-wrap items-start gap-4">
                  {open.reply === t.id ? null : (
                    <Link href={link({ reply: t.id, comment: null }, `comment-${t.id}`)} className="mt-2">
                      Reply<span className="sr-only"> to {t.author.name}’s comment</span>
                    </Link>
                  )}
                  <TransitionButton
                    action={t.status === "OPEN" ? actions.resolve : actions.reopen}
                    id={t.id}
                    version={t.version}
                    submitLabel={t.status === "OPEN" ? "Resolve" : "Reopen"}
                    submitVariant="secondary"
                  />
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {threadPages > 1 ? (
        <PagerNav
          label={`Comments on ${section.label.toLowerCase()}`}
          previousLabel="Earlier comments"
          nextLabel="Later comments"
          status={`Page ${threadsPage} of ${threadPages}`}
          previousHref={threadsPage > 1 ? sectionPage(threadsPage - 1) : null}
          nextHref={threadsPage < threadPages ? sectionPage(threadsPage + 1) : null}
        />
      ) : null}
      {open.comment === section.key ? (
        <CommentBox
          action={actions.add}
          versionId={versionId}
          section={section.key}
          label={`Your comment on ${section.label.toLowerCase()}`}
          submitLabel="Add comment"
        />
      ) : (
        <p>
          <Link href={link({ comment: section.key, reply: null }, section.key)}>
            Add a comment<span className="sr-only"> on {section.label.toLowerCase()}</span>
          </Link>
        </p>
      )}
    </div>
  );
}
