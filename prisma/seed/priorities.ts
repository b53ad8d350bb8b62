// Priority rounds, priorities and their gateway assessments, each with its audit history.
import { step, trail, type Step } from "./audit";
import { addDays, dateOnly, monthsAgo } from "./dates";
import { PRIORITIES, ROUNDS, type PriorityData, type PriorityKey, type RoundName } from "./priorities-data";
import type { Seeded, SeedUser, Tx } from "./types";

export type SeededPriority = { id: string; title: string; gatewayAt: Date };
export type SeededPriorities = Record<PriorityKey, SeededPriority>;

type RoundRef = { id: string; opensOn: Date; closesOn: Date };

async function seedRound(tx: Tx, r: (typeof ROUNDS)[number], staff: SeedUser): Promise<RoundRef> {
  const opensOn = monthsAgo(r.opensMonthsAgo);
  const closesOn = monthsAgo(r.closesMonthsAgo);
  const createdAt = addDays(opensOn, -14);
  const round = await tx.priorityRound.create({
    data: { name: r.name, status: r.status, opensOn: dateOnly(opensOn), closesOn: dateOnly(closesOn), createdAt },
    select: { id: true },
  });
  const steps: Step[] = [step("create", null, "DRAFT", staff, createdAt), step("open", "DRAFT", "OPEN", staff, opensOn)];
  if (r.status === "CLOSED") steps.push(step("close", "OPEN", "CLOSED", staff, closesOn));
  await trail(tx, "PriorityRound", round.id, steps);
  return { id: round.id, opensOn, closesOn };
}

async function seedPriority(tx: Tx, p: PriorityData, round: RoundRef, s: Seeded): Promise<SeededPriority> {
  const { staff, staff2 } = s.users;
  const createdAt = addDays(round.opensOn, 3);
  const publishedAt = addDays(round.opensOn, 10);
  const gatewayAt = addDays(round.opensOn, 17);
  const { key: _key, round: _round, gateway, closedMonthsAgo, ...fields } = p;
  const priority = await tx.priority.create({
    data: {
      ...fields,
      roundId: round.id,
      gatewayOutcome: gateway ? "PASSED" : "NOT_ASSESSED",
      gatewayCriteriaSetId: gateway ? s.gatewaySetId : null,
      createdAt,
    },
    select: { id: true, title: true },
  });
  const steps: Step[] = [step("create", null, "DRAFT", staff2, createdAt)];
  if (p.status !== "DRAFT") steps.push(step("publish", "DRAFT", "PUBLISHED", staff, publishedAt));
  if (gateway) {
    await tx.gatewayAssessment.createMany({
      data: s.gateway.map((criterion, i) => ({
        priorityId: priority.id,
        criterionId: criterion.id,
        met: true,
        rationale: gateway[i],
        assessedById: staff.id,
        assessedAt: gatewayAt,
      })),
    });
    steps.push(step("assessGateway", "PUBLISHED", "PUBLISHED", staff, gatewayAt, { data: { gatewayOutcome: "PASSED" } }));
  }
  if (p.status === "CLOSED") {
    steps.push(step("close", "PUBLISHED", "CLOSED", staff, monthsAgo(closedMonthsAgo ?? 0), { reason: p.closedReason }));
  }
  await trail(tx, "Priority", priority.id, steps);
  return { ...priority, gatewayAt };
}

export async function seedPriorities(tx: Tx, s: Seeded): Promise<SeededPriorities> {
  const rounds = {} as Record<RoundName, RoundRef>;
  for (const r of ROUNDS) rounds[r.name] = await seedRound(tx, r, s.users.staff);
  const priorities = {} as SeededPriorities;
  for (const p of PRIORITIES) priorities[p.key] = await seedPriority(tx, p, rounds[p.round], s);
  return priorities;
}
