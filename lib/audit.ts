import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/workflow";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  entityType: string;
  entityId: string;
  action: string;
  from?: string | null;
  to?: string | null;
  actor: Actor;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
};

/** Appends one audit event; call it inside the same transaction as the change it records. */
export async function recordAudit(tx: Tx, e: AuditInput) {
  await tx.auditEvent.create({
    data: {
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      fromState: e.from ?? null,
      toState: e.to ?? null,
      actorId: e.actor.role === "SYSTEM" ? null : e.actor.id,
      actorRole: e.actor.role,
      reason: e.reason ?? null,
      data: e.data,
    },
  });
}
