import "server-only";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { credentialScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { conditionDueSchema, conditionMetSchema, conditionReopenSchema } from "@/lib/validation/endorsement";
import { endorsementConditionMachine, type Actor } from "@/lib/workflow";

const isoDay = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

// Conditions of an endorsement, tracked until staff mark each one met (with a note of how).

async function loadCondition(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Endorsement condition",
    tx.endorsementCondition.findFirst({
      where: { id, credential: credentialScope(actor) },
      select: {
        id: true,
        status: true,
        version: true,
        text: true,
        dueOn: true,
        credential: { select: { id: true, reference: true, ownerOrganisationId: true } },
      },
    }),
  );
}
type LoadedCondition = Awaited<ReturnType<typeof loadCondition>>;

async function tellExpertGroup(tx: Tx, c: LoadedCondition, title: string, body: string) {
  const members = await organisationMembers(tx, c.credential.ownerOrganisationId, "EXPERT");
  await notifyUsers(tx, members, {
    kind: "DECISIONS",
    title: `${title}: ${c.credential.reference}`,
    body,
    link: `/credentials/${c.credential.id}/review`,
  });
}

export const markConditionMet = defineCommand(conditionMetSchema, async (tx, input, actor) => {
  const c = await loadCondition(tx, input.id, actor);
  const outcome = await applyTransition(tx, {
    machine: endorsementConditionMachine,
    transition: "markMet",
    row: c,
    expectedVersion: input.version,
    actor,
    context: { note: input.note },
    table: tx.endorsementCondition,
    data: { metNote: input.note, metAt: new Date() },
    reason: input.note,
  });
  await tellExpertGroup(tx, c, "Endorsement condition met", `${c.text}\n\n${input.note}`);
  return { ...outcome, credentialId: c.credential.id };
});

export const reopenCondition = defineCommand(conditionReopenSchema, async (tx, input, actor) => {
  const c = await loadCondition(tx, input.id, actor);
  const outcome = await applyTransition(tx, {
    machine: endorsementConditionMachine,
    transition: "reopen",
    row: c,
    expectedVersion: input.version,
    actor,
    context: {},
    table: tx.endorsementCondition,
    data: { metAt: null },
    reason: input.reason,
  });
  await tellExpertGroup(tx, c, "Endorsement condition reopened", `${c.text}\n\n${input.reason}`);
  return { ...outcome, credentialId: c.credential.id };
});

export const setConditionDueDate = defineCommand(conditionDueSchema, async (tx, input, actor) => {
  const c = await loadCondition(tx, input.id, actor);
  const outcome = await applyTransition(tx, {
    machine: endorsementConditionMachine,
    transition: "setDueDate",
    row: c,
    expectedVersion: input.version,
    actor,
    context: {},
    table: tx.endorsementCondition,
    data: { dueOn: input.dueOn },
    audit: { changes: { dueOn: { from: isoDay(c.dueOn), to: isoDay(input.dueOn) } } },
  });
  return { ...outcome, credentialId: c.credential.id };
});
