import "server-only";
import { changes } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { criteriaSetInEffect, publishedSetInEffect, ratableNumbers, ratingCriteria } from "@/lib/data/criteria-sets";
import { defineCommand } from "@/lib/data/command";
import { loadPriority, priorityContext } from "@/lib/data/priorities";
import { applyTransition } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { gatewayOutcome, priorityMachine } from "@/lib/workflow";
import { gatewayAssessmentSchema } from "@/lib/validation/priority";

// The gateway: staff assess a published priority against the gateway criteria set in effect when it is first
// assessed (recorded on the priority, so later answers use the same set); the outcome is the workflow's
// `gatewayOutcome` of the latest answer per criterion.

async function gatewaySetId(client: Tx, priorityId: string) {
  const p = await client.priority.findUnique({ where: { id: priorityId }, select: { gatewayCriteriaSetId: true } });
  return p?.gatewayCriteriaSetId ?? (await publishedSetInEffect(client, "GATEWAY"))?.id ?? null;
}

/** The criteria a priority is (or will be) assessed against, with their guidance notes. */
export async function listGatewayCriteria(priorityId: string) {
  const setId = await gatewaySetId(db(), priorityId);
  return setId ? ratingCriteria(setId) : [];
}

/** The current answers for a priority, by criterion id, to pre-fill the form. */
export async function gatewayAnswers(priorityId: string) {
  const rows = await db().gatewayAssessment.findMany({ where: { priorityId }, select: { criterionId: true, met: true, rationale: true } });
  return new Map(rows.map((r) => [r.criterionId, r]));
}

export const assessGateway = defineCommand(gatewayAssessmentSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  const setId = (await gatewaySetId(tx, row.id)) ?? (await criteriaSetInEffect(tx, "GATEWAY")).id;
  const numberOf = await ratableNumbers(tx, setId);
  const unknown = input.criteria.findIndex((c) => !numberOf.has(c.criterionId));
  if (unknown !== -1) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
      [`criteria.${unknown}.met`]: ["This gateway criterion no longer exists; reload the page"],
    });
  }
  // Criteria not on this form keep their earlier answer.
  const earlier = await tx.gatewayAssessment.findMany({
    where: { priorityId: row.id },
    select: { criterionId: true, met: true, rationale: true },
  });
  const answers = [...earlier, ...input.criteria].map((a) => ({ criterion: a.criterionId, met: a.met }));
  const outcome = gatewayOutcome(answers, numberOf.size);
  // Answers by criterion number ("criterion 2"), so the history reads without the criteria's ids.
  const byNumber = (rows: { criterionId: string; met: boolean; rationale: string | null }[]) =>
    Object.fromEntries(rows.map((a) => [`criterion ${numberOf.get(a.criterionId)}`, { met: a.met, rationale: a.rationale }]));
  const result = await applyTransition(tx, {
    machine: priorityMachine,
    transition: "assessGateway",
    row,
    expectedVersion: input.version,
    actor,
    context: priorityContext(row),
    table: tx.priority,
    data: { gatewayOutcome: outcome, gatewayCriteriaSetId: setId },
    audit: {
      gatewayOutcome: outcome,
      criteria: input.criteria.map((c) => ({ number: numberOf.get(c.criterionId) ?? "", met: c.met })),
      changes: {
        ...changes(row, { gatewayOutcome: outcome }, ["gatewayOutcome"]),
        ...changes(
          byNumber(earlier),
          byNumber(input.criteria),
          input.criteria.map((c) => `criterion ${numberOf.get(c.criterionId)}`),
        ),
      },
    },
  });
  for (const c of input.criteria) {
    const answer = { met: c.met, rationale: c.rationale, assessedById: actor.id, assessedAt: new Date() };
    await tx.gatewayAssessment.upsert({
      where: { priorityId_criterionId: { priorityId: row.id, criterionId: c.criterionId } },
      create: { priorityId: row.id, criterionId: c.criterionId, ...answer },
      update: answer,
    });
  }
  return { ...result, gatewayOutcome: outcome };
});
