import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole } from "@/lib/data/scope";
import { loadOrThrow } from "@/lib/data/transition";
import { STAFF, type Actor } from "@/lib/workflow";
import { evaluationSchema } from "@/lib/validation/impact";

// Evaluation conclusions: the Centre's judgement on the value and impact of one credential (individual) or of the
// whole portfolio (collective, no credential). Written once and kept: a later view is a new evaluation.

export const recordEvaluation = defineCommand(evaluationSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "record an evaluation");
  if (input.credentialId) {
    await loadOrThrow("Credential", tx.credential.findUnique({ where: { id: input.credentialId }, select: { id: true } }));
  }
  const evaluation = await tx.evaluation.create({ data: { ...input, authorId: actor.id } });
  await recordAudit(tx, {
    entityType: "Evaluation",
    entityId: evaluation.id,
    action: "create",
    actor,
    data: { credentialId: input.credentialId, period: input.period },
  });
  return evaluation;
});

/** Evaluations of one credential, or the collective ones (credentialId null); newest first. Staff only. */
export async function listEvaluations(actor: Actor, credentialId: string | null) {
  if (actor.role !== "CENTRE_STAFF") return [];
  const rows = await db().evaluation.findMany({
    where: { credentialId },
    orderBy: { createdAt: "desc" },
    select: { id: true, period: true, conclusion: true, recommendations: true, authorId: true, createdAt: true },
  });
  const authors = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, authorName: names.get(r.authorId) ?? "Unknown user" }));
}
