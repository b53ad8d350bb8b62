// Commissions of expert groups for published priorities, with their audit history.
import { step, trail, type Step } from "./audit";
import { addDays, dateOnly } from "./dates";
import type { SeededPriority } from "./priorities";
import type { SeedOrg, SeedUser, Tx } from "./types";

const DELIVERABLES =
  "A complete credential specification (all sections) submitted for endorsement review; a mapping of the learning outcomes to the " +
  "Multi-professional Framework for Advanced Clinical Practice; a summary of the evidence base; a stakeholder engagement report covering each profession in scope.";

export type CommissionPlan = {
  priority: SeededPriority;
  organisation: SeedOrg;
  brief: string;
  issuedAt: Date;
  issuedBy: SeedUser;
  /** Months allowed for development. */
  months: number;
  response?: { accepted: boolean; at: Date; by: SeedUser; reason?: string };
  completedAt?: Date;
  credentialId?: string;
};

export async function createCommission(tx: Tx, p: CommissionPlan): Promise<{ id: string }> {
  const startsOn = addDays(p.issuedAt, 21);
  const status = p.completedAt ? "COMPLETED" : p.response ? (p.response.accepted ? "ACCEPTED" : "DECLINED") : "ISSUED";
  const createdAt = addDays(p.issuedAt, -5);
  const commission = await tx.commission.create({
    data: {
      priorityId: p.priority.id,
      organisationId: p.organisation.id,
      title: `${p.priority.title} credential`,
      brief: p.brief,
      deliverables: DELIVERABLES,
      startsOn: dateOnly(startsOn),
      dueOn: dateOnly(addDays(startsOn, Math.round(p.months * 30.5))),
      status,
      reason: p.response?.reason ?? null,
      issuedAt: p.issuedAt,
      respondedAt: p.response?.at ?? null,
      createdById: p.issuedBy.id,
      credentialId: p.credentialId ?? null,
      createdAt,
    },
    select: { id: true },
  });
  const steps: Step[] = [step("create", null, "DRAFT", p.issuedBy, createdAt), step("issue", "DRAFT", "ISSUED", p.issuedBy, p.issuedAt)];
  const r = p.response;
  if (r)
    steps.push(step(r.accepted ? "accept" : "decline", "ISSUED", r.accepted ? "ACCEPTED" : "DECLINED", r.by, r.at, { reason: r.reason }));
  if (p.completedAt) steps.push(step("complete", "ACCEPTED", "COMPLETED", null, p.completedAt));
  await trail(tx, "Commission", commission.id, steps);
  return commission;
}
