import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole, specificationScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { notifyUsers, organisationMembers, usersWithRole } from "@/lib/notify";
import { commentCreateSchema } from "@/lib/validation/comment";
import { transitionSchema } from "@/lib/validation/priority";
import { commentMachine, SPECIFICATION_SECTIONS, type Actor, type ActorRole } from "@/lib/workflow";

// Threaded comments on a specification version, one thread list per section. Who may comment is who may read the
// version (specificationScope: staff, the owning expert group, reviewers assigned to its review) — never providers.

const COMMENTERS: readonly ActorRole[] = ["CENTRE_STAFF", "EXPERT", "REVIEWER"];

const versionSelect = {
  id: true, number: true,
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
async function notifyParticipants(tx: Tx, actor: Actor, v: VersionRef, threadId: string | null, title: string, body: string, section: string) {
  const otherSide = actor.role === "EXPERT"
    ? await usersWithRole(tx, "CENTRE_STAFF")
    : await organisationMembers(tx, v.credential.ownerOrganisationId, "EXPERT");
  const inThread = threadId
    ? await tx.comment.findMany({ where: { OR: [{ id: threadId }, { parentId: threadId }] }, select: { authorId: true } })
    : [];
  await notifyUsers(tx, [...otherSide, ...inThread.map((c) => c.authorId)], { kind: "COMMENTS", title, body, link: threadLink(v, section) }, actor.id);
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
    if (parent.specificationVersionId !== version.id) throw new AppError("NOT_FOUND", "Comment was not found, or you do not have access to it.");
    threadId = parent.parentId ?? parent.id;
    section = parent.section;
  }
  const comment = await tx.comment.create({
    data: { specificationVersionId: version.id, section, parentId: threadId, authorId: actor.id, body: input.body },
    select: { id: true, status: true, section: true },
  });
  await recordAudit(tx, {
    entityType: commentMachine.entity, entityId: comment.id, action: threadId ? "reply" : "create", to: comment.status, actor,
    data: { specificationVersionId: version.id, section, parentId: threadId },
  });
  const where = `${version.credential.reference} version ${version.number}, ${sectionLabel(section)}`;
  await notifyParticipants(tx, actor, version, threadId, threadId ? `New reply on ${where}` : `New comment on ${where}`, input.body, section);
  return { id: comment.id, credentialId: version.credential.id, number: version.number, section };
});

function commentTransition(transition: "resolve" | "reopen") {
  return defineCommand(transitionSchema, async (tx, input, actor) => {
    const row = await loadComment(tx, input.id, actor);
    if (row.parentId) throw new AppError("WRONG_STATE", "Resolve or reopen the whole thread from its first comment.");
    const outcome = await applyTransition(tx, {
      machine: commentMachine, transition, row, expectedVersion: input.version, actor, context: {},
      table: tx.comment, data: { resolvedAt: transition === "resolve" ? new Date() : null },
    });
    const v = row.specificationVersion;
    const what = transition === "resolve" ? "resolved" : "reopened";
    await notifyParticipants(tx, actor, v, row.id, `Comment ${what} on ${v.credential.reference} version ${v.number}, ${sectionLabel(row.section)}`, row.body, row.section);
    return { ...outcome, credentialId: v.credential.id, number: v.number };
  });
}

export const resolveComment = commentTransition("resolve");
export const reopenComment = commentTransition("reopen");

/** Every thread on a version, grouped by section: first comments oldest first, each with its replies. */
export async function commentThreads(actor: Actor, specificationVersionId: string) {
  if (!COMMENTERS.includes(actor.role)) return new Map<string, never[]>();
  const author = { select: { name: true, role: true } } as const;
  const threads = await db().comment.findMany({
    where: { specificationVersionId, parentId: null, specificationVersion: specificationScope(actor) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, section: true, body: true, status: true, version: true, createdAt: true, resolvedAt: true, author,
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author } },
    },
  });
  const bySection = new Map<string, typeof threads>();
  for (const t of threads) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  return bySection;
}

export type CommentThreadData = NonNullable<ReturnType<Awaited<ReturnType<typeof commentThreads>>["get"]>>[number];
