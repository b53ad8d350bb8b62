import "server-only";
import { defineCommand } from "@/lib/data/command";
import { createCredentialWithDraft } from "@/lib/data/commissions";
import { assertExpertGroup } from "@/lib/data/organisations";
import { assertRole } from "@/lib/data/scope";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { STAFF } from "@/lib/workflow";
import { pilotCreateSchema } from "@/lib/validation/pilot";

// The endorsement pilot routes: staff register a resource an expert group already has. Phase 1
// (completed): staff enter its specification and submit it straight to endorsement review.
// Phase 2 (in development): the expert group drafts the specification first.

export const registerPilotCredential = defineCommand(pilotCreateSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "register a pilot resource");
  await assertExpertGroup(tx, input.organisationId);
  const credential = await createCredentialWithDraft(
    tx,
    { title: input.title, summary: input.summary || null, ownerOrganisationId: input.organisationId, origin: input.phase },
    actor,
  );
  if (input.phase === "PILOT_PHASE_2") {
    await notifyUsers(tx, await organisationMembers(tx, input.organisationId, "EXPERT"), {
      kind: "ASSIGNMENTS",
      title: `Pilot resource to develop: ${input.title}`,
      body: "Your expert group's resource has joined the endorsement pilot (phase 2). Draft its specification, then submit it for endorsement review.",
      link: `/credentials/${credential.id}`,
    });
  }
  return { id: credential.id, reference: credential.reference, origin: credential.origin };
});
