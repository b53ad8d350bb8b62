import "server-only";
import { defineCommand } from "@/lib/data/command";
import { credentialScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { publishSchema } from "@/lib/validation/endorsement";
import { credentialMachine } from "@/lib/workflow";

/** Launch: staff publish an endorsed credential, under its existing reference, in the public catalogue. */
export const publishCredential = defineCommand(publishSchema, async (tx, input, actor) => {
  const c = await loadOrThrow(
    "Credential",
    tx.credential.findFirst({
      where: { id: input.id, ...credentialScope(actor) },
      select: {
        id: true,
        status: true,
        version: true,
        publishedAt: true,
        reference: true,
        title: true,
        ownerOrganisationId: true,
        conditions: { where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { text: true, dueOn: true } },
      },
    }),
  );
  const outcome = await applyTransition(tx, {
    machine: credentialMachine,
    transition: "publish",
    row: c,
    expectedVersion: input.version,
    actor,
    context: { publishedAt: c.publishedAt, openConditions: c.conditions, now: new Date() },
    table: tx.credential,
    data: { publishedAt: new Date() },
  });
  const link = `/catalogue/${c.reference}`;
  await notifyUsers(tx, await organisationMembers(tx, c.ownerOrganisationId, "EXPERT"), {
    kind: "DECISIONS",
    title: `Published in the catalogue: ${c.reference} ${c.title}`,
    body: "The endorsed specification is now public in the credential catalogue.",
    link,
  });
  return { ...outcome, credentialId: c.id, reference: c.reference };
});
