// Impact returns per delivery and period, and practitioners' completions (recognised with a digital badge).
import { randomBytes, randomUUID } from "node:crypto";
import { step, trail, type Step } from "./audit";
import { addDays, dateOnly } from "./dates";
import type { SeededPlan } from "./delivery";
import type { SeedUser, Tx } from "./types";

/** [profession (a name on the Profession list), enrolled, completed, deployed in advanced-practice roles] */
export type ProfessionRow = [string, number, number, number];

export type ImpactReturnSpec = {
  plan: SeededPlan;
  period: string;
  byProfession: ProfessionRow[];
  withdrawn: number;
  employerFeedback: string;
  patientBenefit: string;
  submitted: { at: Date; by: SeedUser };
  accepted?: { at: Date; by: SeedUser };
};

function totals(rows: ProfessionRow[]) {
  for (const [profession, enrolled, completed, deployed] of rows) {
    if (completed > enrolled || deployed > completed) throw new Error(`Impact figures for ${profession} do not add up`);
  }
  const sum = (i: 1 | 2 | 3) => rows.reduce((n, row) => n + row[i], 0);
  return { enrolled: sum(1), completed: sum(2), deployed: sum(3) };
}

export async function createImpactReturn(tx: Tx, r: ImpactReturnSpec): Promise<void> {
  const figures = totals(r.byProfession);
  if (figures.completed + r.withdrawn > figures.enrolled) throw new Error(`Impact return ${r.period}: withdrawn too high`);
  const createdAt = addDays(r.submitted.at, -10);
  const byProfession = [];
  for (const [profession, enrolled, completed, deployed] of r.byProfession) {
    // The list comes with the migrations; a demo return naming anything else is a mistake in the seed.
    const listed = await tx.profession.findUnique({ where: { name: profession }, select: { id: true } });
    if (!listed) throw new Error(`Impact return ${r.period}: ${profession} is not on the profession list`);
    byProfession.push({ professionId: listed.id, enrolled, completed, deployed });
  }
  const { reference } = await tx.credential.findUniqueOrThrow({ where: { id: r.plan.credentialId }, select: { reference: true } });
  const ret = await tx.impactReturn.create({
    data: {
      planId: r.plan.id,
      organisationId: r.plan.organisationId,
      credentialId: r.plan.credentialId,
      credentialReference: reference,
      period: r.period,
      ...figures,
      withdrawn: r.withdrawn,
      employerFeedback: r.employerFeedback,
      patientBenefit: r.patientBenefit,
      status: r.accepted ? "ACCEPTED" : "SUBMITTED",
      submittedAt: r.submitted.at,
      acceptedAt: r.accepted?.at ?? null,
      createdAt,
      byProfession: {
        create: byProfession,
      },
    },
    select: { id: true },
  });
  const steps: Step[] = [
    step("create", null, "DRAFT", r.submitted.by, createdAt),
    step("submit", "DRAFT", "SUBMITTED", r.submitted.by, r.submitted.at),
  ];
  if (r.accepted) steps.push(step("accept", "SUBMITTED", "ACCEPTED", r.accepted.by, r.accepted.at));
  await trail(tx, "ImpactReturn", ret.id, steps);
}

/** [practitioner, registration number, profession, completed on, consented to the directory] */
export type CompletionRow = [string, string, string, Date, boolean?];

/** Records completions; those with `recognisedBy` get a badge a fortnight after being recorded. */
export async function createCompletions(
  tx: Tx,
  plan: SeededPlan,
  rows: CompletionRow[],
  recordedBy: SeedUser,
  recognisedBy?: SeedUser,
): Promise<void> {
  for (const [practitionerName, registration, profession, completedOn, listedInDirectory = false] of rows) {
    const recordedAt = addDays(completedOn, 14);
    const recognisedAt = recognisedBy ? addDays(recordedAt, 14) : null;
    // The profession list comes with the migrations; the demo's professions are all on it.
    const listed = await tx.profession.findUnique({ where: { name: profession }, select: { id: true } });
    const practitioner = await tx.practitioner.create({
      data: {
        name: practitionerName,
        organisationId: plan.organisationId,
        professionId: listed?.id ?? null,
        registrationNumber: registration,
        recognitionRoute: "MSC",
        listedInDirectory,
        createdAt: recordedAt,
      },
      select: { id: true },
    });
    const completion = await tx.completion.create({
      data: {
        planId: plan.id,
        organisationId: plan.organisationId,
        credentialId: plan.credentialId,
        practitionerId: practitioner.id,
        practitionerName,
        registration,
        profession,
        completedOn: dateOnly(completedOn),
        status: recognisedAt ? "RECOGNISED" : "RECORDED",
        badgeId: recognisedAt ? randomUUID() : null,
        badgeSalt: recognisedAt ? randomBytes(16).toString("hex") : null,
        recognisedAt,
        createdAt: recordedAt,
      },
      select: { id: true },
    });
    const steps = [step("create", null, "RECORDED", recordedBy, recordedAt)];
    if (recognisedAt) steps.push(step("recognise", "RECORDED", "RECOGNISED", recognisedBy!, recognisedAt));
    await trail(tx, "Completion", completion.id, steps);
  }
}
