import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { firstValue, pageNumber, rowId, type QueryParams } from "@/lib/data/paging";
import { assertRole, specificationScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { notifyUsers, organisationMembers, usersWithRole } from "@/lib/notify";
import { commentCreateSchema } from "@/lib/validation/comment";
import { transitionSchema } from "@/lib/validation/common";
import { commentMachine, SPECIFICATION_SECTIONS, type Actor, type ActorRole } from "@/lib/workflow";

// Threaded comments on a specification version, one thread list per section. Who may comment is who may read the
// version (specificationScope: staff, the owning expert group, reviewers assigned to its review) — never providers.

const COMMENTERS: readonly ActorRole[] = ["CENTRE_STAFF", "EXPERT", "REVIEWER"];

const versionSelect = {
  id: true,
  number: true,
  credential: { select: { id: true, reference: true, ownerOrganisationId: true } },
} as const;

async function loadComment(tx: Tx, commentId: string, actor: Actor) {
  return loadOrThrow(
    "Comment",
    tx.comment.findFirst({
      where: { id: commentId, specificationVersion: specificationScope(actor) },
      include: { specificationVersion: { select: versionSelect } },
    }),
  );
}

type VersionRef = { number: number; credential: { id: string; reference: string; ownerOrganisationId: string } };

const sectionLabel = (key: string) => SPECIFICATION_SECTIONS.find((s) => s.key === key)?.label ?? key;
const threadLink = (v: VersionRef, section: string) => `/credentials/${v.credential.id}/versions/${v.number}#section-${section}`;

/**
 * The other side of the conversation and everyone already in the thread: an expert's comment goes to Centre
 * staff; anyone else's to the owning expert group.
 */
async function notifyParticipants(
  tx: Tx,
  actor: Actor,
  v: VersionRef,
  threadId: string | null,
  title: string,
  body: string,
  section: string,
) {
  const otherSide =
    actor.role === "EXPERT"
      ? await usersWithRole(tx, "CENTRE_STAFF")
      : await organisationMembers(tx, v.credential.ownerOrganisationId, "EXPERT");
  const inThread = threadId
    ? await tx.comment.findMany({ where: { OR: [{ id: threadId }, { parentId: threadId }] }, select: { authorId: true } })
    : [];
  await notifyUsers(
    tx,
    [...otherSide, ...inThread.map((c) => c.authorId)],
    { kind: "COMMENTS", title, body, link: threadLink(v, section) },
    actor.id,
  );
}

/** A new comment on a section, or a reply (always attached to the first comment of its thread). */
export const addComment = defineCommand(commentCreateSchema, async (tx, input, actor) => {
  assertRole(actor, COMMENTERS, "comment on a specification");
  const version = await loadOrThrow(
    "Specification version",
    tx.specificationVersion.findFirst({ where: { id: input.specificationVersionId, ...specificationScope(actor) }, select: versionSelect }),
  );
  let threadId: string | null = null;
  let section = input.section;
  if (input.parentId) {
    const parent = await loadComment(tx, input.parentId, actor);
    if (parent.specificationVersionId !== version.id)
      throw new AppError("NOT_FOUND", "Comment was not found, or you do not have access to it.");
    threadId = parent.parentId ?? parent.id;
    section = parent.section;
  }
  const comment = await tx.comment.create({
    data: { specificationVersionId: version.id, section, parentId: threadId, authorId: actor.id, body: input.body },
    select: { id: true, status: true, section: true },
  });
  await recordAudit(tx, {
    entityType: commentMachine.entity,
    entityId: comment.id,
    action: threadId ? "reply" : "create",
    to: comment.status,
    actor,
    data: { specificationVersionId: version.id, section, parentId: threadId },
  });
  const where = `${version.credential.reference} version ${version.number}, ${sectionLabel(section)}`;
  await notifyParticipants(
    tx,
    actor,
    version,
    threadId,
    threadId ? `New reply on ${where}` : `New comment on ${where}`,
    input.body,
    section,
  );
  return { id: comment.id, credentialId: version.credential.id, number: version.number, section };
});

function commentTransition(transition: "resolve" | "reopen") {
  return defineCommand(transitionSchema, async (tx, input, actor) => {
    const row = await loadComment(tx, input.id, actor);
    if (row.parentId) throw new AppError("WRONG_STATE", "Resolve or reopen the whole thread from its first comment.");
    const outcome = await applyTransition(tx, {
      machine: commentMachine,
      transition,
      row,
      expectedVersion: input.version,
      actor,
      context: {},
      table: tx.comment,
      data: { resolvedAt: transition === "resolve" ? new Date() : null },
    });
    const v = row.specificationVersion;
    const what = transition === "resolve" ? "resolved" : "reopened";
    await notifyParticipants(
      tx,
      actor,
      v,
      row.id,
      `Comment ${what} on ${v.credential.reference} version ${v.number}, ${sectionLabel(row.section)}`,
      row.body,
      row.section,
    );
    return { ...outcome, credentialId: v.credential.id, number: v.number, section: row.section };
  });
}

export const resolveComment = commentTransition("resolve");
export const reopenComment = commentTransition("reopen");

/** Threads shown per section, and replies shown per thread; more are a page away. */
export const THREADS_PER_PAGE = 5;
export const REPLIES_PER_PAGE = 5;

/**
 * Which page of which list the URL asks for: `?section=<key>&threads=<n>` pages one section's threads,
 * `?thread=<id>&replies=<n>` one thread's replies; every other list shows its first page.
 */
export type CommentPaging = { section?: string; threadsPage: number; thread?: string; repliesPage: number };

export function commentPaging(params: QueryParams): CommentPaging {
  const section = SPECIFICATION_SECTIONS.find((s) => s.key === firstValue(params.section))?.key;
  const thread = rowId(params.thread);
  return {
    section,
    threadsPage: section ? pageNumber(params.threads) : 1,
    thread,
    repliesPage: thread ? pageNumber(params.replies) : 1,
  };
}

/**
 * One page of threads per section (first comments oldest first), each with one page of its replies and their
 * count. A lateral join picks at most a page of rows per section and per thread through the
 * (version, section, createdAt) index, so the work is the same however long the conversation grows.
 */
export async function commentThreads(
  actor: Actor,
  specificationVersionId: string,
  paging: CommentPaging = { threadsPage: 1, repliesPage: 1 },
) {
  if (!COMMENTERS.includes(actor.role)) return new Map<string, never[]>();
  const threadSkip = (paging.threadsPage - 1) * THREADS_PER_PAGE;
  const replySkip = (paging.repliesPage - 1) * REPLIES_PER_PAGE;
  const sections = SPECIFICATION_SECTIONS.map((s) => s.key as string);
  const shown = await db().$queryRaw<{ id: string }[]>`
    WITH shown AS (
      SELECT t.id, t.section FROM unnest(${sections}::text[]) AS s(section)
      CROSS JOIN LATERAL (
        SELECT c.id, c.section FROM "Comment" c
        WHERE c."specificationVersionId" = ${specificationVersionId} AND c.section = s.section AND c."parentId" IS NULL
        ORDER BY c."createdAt", c.id
        OFFSET CASE WHEN s.section = ${paging.section ?? ""} THEN ${threadSkip}::int ELSE 0 END LIMIT ${THREADS_PER_PAGE}::int
      ) t
    )
    SELECT id FROM shown
    UNION ALL
    SELECT r.id FROM shown CROSS JOIN LATERAL (
      SELECT c.id FROM "Comment" c
      WHERE c."specificationVersionId" = ${specificationVersionId} AND c.section = shown.section AND c."parentId" = shown.id
      ORDER BY c."createdAt", c.id
      OFFSET CASE WHEN shown.id = ${paging.thread ?? ""} THEN ${replySkip}::int ELSE 0 END LIMIT ${REPLIES_PER_PAGE}::int
    ) r`;
  const author = { select: { name: true, role: true } } as const;
  const ids = shown.map((r) => r.id);
  // Most versions have no comments: nothing more to read (two statements fewer on every such page).
  if (ids.length === 0) return new Map<string, never[]>();
  const inVersion = { specificationVersionId, specificationVersion: specificationScope(actor) };
  // Reply counts filtered before grouping, through the version's index (a relation `_count` groups the whole table).
  const [rows, replyCounts] = await Promise.all([
    db().comment.findMany({
      where: { id: { in: ids }, ...inVersion },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        section: true,
        parentId: true,
        body: true,
        status: true,
        version: true,
        createdAt: true,
        resolvedAt: true,
        author,
      },
    }),
    db().comment.groupBy({ by: ["parentId"], where: { parentId: { in: ids }, ...inVersion }, _count: { _all: true } }),
  ]);
  const countOf = new Map(replyCounts.map((g) => [g.parentId, g._count._all]));
  const replies = new Map<string, typeof rows>();
  for (const r of rows) if (r.parentId) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), r]);
  const bySection = new Map<string, ((typeof rows)[number] & { replies: typeof rows; replyCount: number })[]>();
  for (const t of rows) {
    if (t.parentId) continue;
    const thread = { ...t, replies: replies.get(t.id) ?? [], replyCount: countOf.get(t.id) ?? 0 };
    bySection.set(t.section, [...(bySection.get(t.section) ?? []), thread]);
  }
  return bySection;
}

export type CommentThreadData = NonNullable<ReturnType<Awaited<ReturnType<typeof commentThreads>>["get"]>>[number];

export type SectionCommentCounts = { open: number; resolved: number };

/** How many open and resolved threads each section has, counted in SQL. */
export async function commentCounts(actor: Actor, specificationVersionId: string) {
  const counts = new Map<string, SectionCommentCounts>();
  if (!COMMENTERS.includes(actor.role)) return counts;
  const groups = await db().comment.groupBy({
    by: ["section", "status"],
    where: { specificationVersionId, parentId: null, specificationVersion: specificationScope(actor) },
    _count: { _all: true },
  });
  for (const g of groups) {
    const c = counts.get(g.section) ?? { open: 0, resolved: 0 };
    if (g.status === "OPEN") c.open += g._count._all;
    else c.resolved += g._count._all;
    counts.set(g.section, c);
  }
  return counts;
}
