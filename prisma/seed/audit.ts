// Append-only audit events with explicit timestamps, so history pages and stage cycle-times have content.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { SeedUser, Tx } from "./types";

/** One transition in an entity's history. `actor: null` is the scheduler (SYSTEM). */
export type Step = {
  action: string;
  from: string | null;
  to: string | null;
  actor: SeedUser | null;
  at: Date;
  reason?: string;
  data?: Prisma.InputJsonValue;
};

export function step(
  action: string,
  from: string | null,
  to: string | null,
  actor: SeedUser | null,
  at: Date,
  extra: { reason?: string; data?: Prisma.InputJsonValue } = {},
): Step {
  return { action, from, to, actor, at, ...extra };
}

export async function trail(tx: Tx, entityType: string, entityId: string, steps: Step[]): Promise<void> {
  if (steps.length === 0) return;
  await tx.auditEvent.createMany({
    data: steps.map((s) => ({
      entityType,
      entityId,
      action: s.action,
      fromState: s.from,
      toState: s.to,
      actorId: s.actor?.id ?? null,
      actorRole: s.actor?.role ?? "SYSTEM",
      reason: s.reason ?? null,
      data: s.data,
      createdAt: s.at,
    })),
  });
}
