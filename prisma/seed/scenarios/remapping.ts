// 9 — a credential revised after endorsement: version 2 is endorsed, and the Midlands plan, approved on version 1,
// has an open re-mapping task. The deadline uses the app's configured interval (REMAPPING_INTERVAL_DAYS, default
// 90 days): the Centre publishes no figure for re-mapping, so 90 is a placeholder for the Centre to set.
import { step, trail } from "../audit";
import { FRAILTY } from "../content/primary";
import { createCredential, endorseAndPublish } from "../credentials";
import { addDays, daysAgo, monthsAgo } from "../dates";
import { createPlan, mapAll } from "../delivery";
import { createVersion } from "../specs";
import type { Seeded, Tx } from "../types";
import { remappingIntervalDays } from "../../../lib/config";
import { remapOutcomes, remappingDueOn } from "../../../lib/workflow/remapping";

/** Demo wording of the revision: one outcome reworded, one added; the rest unchanged. */
const FRAILTY_REVISED = {
  ...FRAILTY,
  changeSummary: "Medication review now covers shared decisions on deprescribing; a new outcome on digital monitoring at home.",
  outcomes: [
    ...FRAILTY.outcomes.map((o, i) =>
      i === 2
        ? { ...o, text: "Undertake structured medication reviews, sharing decisions on deprescribing with patients, families and carers." }
        : o,
    ),
    { ...FRAILTY.outcomes[0], text: "Use remote monitoring to recognise deterioration in older people living with frailty at home." },
  ],
};

export async function seedRemapping(tx: Tx, s: Seeded) {
  const { staff, staff2, provider3 } = s.users;
  const endorsedAt = monthsAgo(30);
  const credential = await createCredential(tx, {
    reference: "APC-0010",
    title: "Frailty in Community Settings",
    summary: "Advanced practice with older people living with frailty in community and care-home settings.",
    owner: s.orgs.primaryCare,
    origin: "PILOT_PHASE_1",
    createdAt: addDays(endorsedAt, -60),
    createdBy: staff,
  });
  const decided = { action: "endorse" as const, by: staff };
  const v1 = await createVersion(tx, {
    credentialId: credential.id,
    number: 1,
    content: FRAILTY,
    history: {
      createdAt: addDays(endorsedAt, -60),
      createdBy: staff2,
      submitted: { at: addDays(endorsedAt, -45), by: staff },
      reviewStarted: { at: addDays(endorsedAt, -38), by: staff },
      decided: { ...decided, at: endorsedAt },
    },
  });
  await endorseAndPublish(tx, credential, v1, { endorsedAt, publishedAt: addDays(endorsedAt, 7), by: staff });
  const plan = await createPlan(tx, {
    credentialId: credential.id,
    version: v1,
    organisation: s.orgs.midlands,
    author: provider3,
    programmeTitle: "Community Frailty Practice (level 7)",
    award: "60 credits at level 7",
    deliveryMode: "Blended, with placements in community frailty teams",
    startsOn: addDays(endorsedAt, 150),
    cohortSize: 12,
    staffingAndSupervision: "Module lead and consultant practitioner supervisors in two community trusts.",
    qualityAssurance: "University annual monitoring with an external examiner.",
    mappings: mapAll(v1, ["CFP701 Frailty assessment", "CFP702 Community care"], ["Case portfolio", "Structured review OSCE"]),
    createdAt: addDays(endorsedAt, 20),
    submittedAt: addDays(endorsedAt, 45),
    decided: { status: "APPROVED", at: addDays(endorsedAt, 75), by: staff, rationale: "Complete mapping with sound supervision." },
  });

  const revisedAt = daysAgo(10);
  const v2 = await createVersion(tx, {
    credentialId: credential.id,
    number: 2,
    content: FRAILTY_REVISED,
    basedOnId: v1.id,
    history: {
      createdAt: daysAgo(90),
      createdBy: staff2,
      submitted: { at: daysAgo(60), by: staff },
      reviewStarted: { at: daysAgo(50), by: staff },
      decided: { ...decided, at: revisedAt },
    },
  });
  await tx.specificationVersion.update({ where: { id: v1.id }, data: { status: "SUPERSEDED" } });
  await trail(tx, "SpecificationVersion", v1.id, [step("supersede", "ENDORSED", "SUPERSEDED", staff, revisedAt)]);
  await tx.credential.update({ where: { id: credential.id }, data: { endorsedVersionId: v2.id, endorsedAt: revisedAt } });

  const [oldOutcomes, newOutcomes, oldMappings] = await Promise.all([
    tx.learningOutcome.findMany({ where: { specificationVersionId: v1.id }, select: { id: true, position: true, text: true } }),
    tx.learningOutcome.findMany({ where: { specificationVersionId: v2.id }, select: { id: true, position: true, text: true } }),
    tx.outcomeMapping.findMany({ where: { planId: plan.id }, select: { learningOutcomeId: true, module: true, assessment: true } }),
  ]);
  const carried = remapOutcomes(oldOutcomes, newOutcomes, new Map(oldMappings.map((m) => [m.learningOutcomeId, m])));
  const task = await tx.remappingTask.create({
    data: {
      planId: plan.id,
      organisationId: plan.organisationId,
      credentialId: credential.id,
      fromVersionId: v1.id,
      toVersionId: v2.id,
      dueOn: remappingDueOn(revisedAt, remappingIntervalDays()),
      createdAt: revisedAt,
      mappings: {
        create: carried.flatMap((o) =>
          o.carried
            ? [{ learningOutcomeId: o.outcome.id, module: o.carried.module, assessment: o.carried.assessment, carriedOver: true }]
            : [],
        ),
      },
    },
    select: { id: true },
  });
  await trail(tx, "RemappingTask", task.id, [step("create", null, "OPEN", staff, revisedAt)]);
  return credential;
}
