// Education providers' delivery plans against an endorsed credential, with outcome mappings and history.
import { step, trail, type Step } from "./audit";
import { addDays, dateOnly } from "./dates";
import type { SeededVersion } from "./specs";
import type { DeliveryPlanStatus } from "../../lib/generated/prisma/enums";
import type { SeedOrg, SeedUser, Tx } from "./types";

export type PlanDecision = {
  status: Extract<DeliveryPlanStatus, "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED">;
  rationale: string;
  conditions?: string;
};

const DECISION_ACTION = { APPROVED: "approve", APPROVED_WITH_CONDITIONS: "approveWithConditions", REJECTED: "reject" } as const;

export type PlanSpec = {
  credentialId: string;
  version: SeededVersion;
  organisation: SeedOrg;
  author: SeedUser;
  programmeTitle: string;
  award: string;
  deliveryMode: string;
  startsOn: Date;
  cohortSize: number;
  staffingAndSupervision: string;
  qualityAssurance: string;
  /** [module, assessment] for learning outcomes 1, 2, … — a draft may map only some. */
  mappings: [string, string][];
  createdAt: Date;
  submittedAt?: Date;
  decided?: PlanDecision & { at: Date; by: SeedUser };
  /** Set when the credential is withdrawn; not a state change, so recorded on the credential's "withdraw" event. */
  flagged?: { at: Date; reason: string };
  closed?: { at: Date; by: SeedUser; reason: string };
};

export type SeededPlan = { id: string; organisationId: string; credentialId: string };

function statusOf(p: PlanSpec): DeliveryPlanStatus {
  if (p.closed) return "CLOSED";
  if (p.decided) return p.decided.status;
  return p.submittedAt ? "SUBMITTED" : "DRAFT";
}

function planSteps(p: PlanSpec): Step[] {
  const steps = [step("create", null, "DRAFT", p.author, p.createdAt)];
  if (p.submittedAt) steps.push(step("submit", "DRAFT", "SUBMITTED", p.author, p.submittedAt));
  const d = p.decided;
  if (d) {
    steps.push(step("startReview", "SUBMITTED", "IN_REVIEW", d.by, addDays(p.submittedAt ?? d.at, 3)));
    steps.push(step(DECISION_ACTION[d.status], "IN_REVIEW", d.status, d.by, d.at, { reason: d.rationale }));
  }
  if (p.closed) steps.push(step("close", d?.status ?? "APPROVED", "CLOSED", p.closed.by, p.closed.at, { reason: p.closed.reason }));
  return steps;
}

export async function createPlan(tx: Tx, p: PlanSpec): Promise<SeededPlan> {
  if (p.mappings.length > p.version.outcomeIds.length) throw new Error(`${p.programmeTitle}: more mappings than learning outcomes`);
  const plan = await tx.deliveryPlan.create({
    data: {
      credentialId: p.credentialId,
      specificationVersionId: p.version.id,
      organisationId: p.organisation.id,
      programmeTitle: p.programmeTitle,
      award: p.award,
      deliveryMode: p.deliveryMode,
      startsOn: dateOnly(p.startsOn),
      cohortSize: p.cohortSize,
      staffingAndSupervision: p.staffingAndSupervision,
      qualityAssurance: p.qualityAssurance,
      status: statusOf(p),
      conditions: p.decided?.conditions ?? null,
      decisionRationale: p.decided?.rationale ?? null,
      flaggedAt: p.flagged?.at ?? null,
      flagReason: p.flagged?.reason ?? null,
      closedReason: p.closed?.reason ?? null,
      submittedAt: p.submittedAt ?? null,
      decidedAt: p.decided?.at ?? null,
      createdAt: p.createdAt,
      mappings: {
        create: p.mappings.map(([module, assessment], i) => ({ learningOutcomeId: p.version.outcomeIds[i], module, assessment })),
      },
    },
    select: { id: true, organisationId: true, credentialId: true },
  });
  await trail(tx, "DeliveryPlan", plan.id, planSteps(p));
  return plan;
}

/** Mappings for every outcome, cycling through a programme's modules and assessments. */
export function mapAll(version: SeededVersion, modules: string[], assessments: string[]): [string, string][] {
  return version.outcomeIds.map((_, i) => [modules[i % modules.length], assessments[i % assessments.length]]);
}
