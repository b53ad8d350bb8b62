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

const auditRow = (e: AuditInput) => ({
  entityType: e.entityType,
  entityId: e.entityId,
  action: e.action,
  fromState: e.from ?? null,
  toState: e.to ?? null,
  actorId: e.actor.role === "SYSTEM" ? null : e.actor.id,
  actorRole: e.actor.role,
  reason: e.reason ?? null,
  data: e.data,
});

/** Appends one audit event; call it inside the same transaction as the change it records. */
export async function recordAudit(tx: Tx, e: AuditInput) {
  await tx.auditEvent.create({ data: auditRow(e) });
}

/** Appends several audit events in one statement, in the order given (a scheduled job's batch of changes). */
export async function recordAudits(tx: Tx, events: AuditInput[]) {
  if (events.length > 0) await tx.auditEvent.createMany({ data: events.map(auditRow) });
}

/** A changed field's old and new value, as recorded in an audit event's `data.changes`. */
export type FieldChange = { from: AuditValue; to: AuditValue };
type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** Longer texts are cut to this many characters: the event says what changed, it does not copy documents. */
export const MAX_AUDIT_TEXT = 200;

/** A value as JSON for the audit event: dates as ISO text, no value as null, texts cut when `cut` is set. */
function auditValue(value: unknown, cut = true): AuditValue {
  if (value === undefined || value === null || value === "") return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string")
    return cut && value.length > MAX_AUDIT_TEXT ? `${value.slice(0, MAX_AUDIT_TEXT)}… (${value.length} characters)` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => auditValue(v, cut));
  if (typeof value === "object" && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, auditValue(v, cut)]));
  }
  return String(value); // Decimal, BigInt and the like
}

/**
 * The listed fields whose value differs from `before` to `after`, as `{ field: { from, to } }` — for the
 * audit event of an edit that overwrites values. Unchanged fields are left out; an empty text counts as
 * no value; long texts are shortened (see MAX_AUDIT_TEXT), though compared in full.
 */
export function changes<B extends object, A extends object>(
  before: B,
  after: A,
  fields: readonly (keyof A & keyof B & string)[],
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const field of fields) {
    const from = (before as Record<string, unknown>)[field];
    const to = (after as Record<string, unknown>)[field];
    if (JSON.stringify(auditValue(from, false)) === JSON.stringify(auditValue(to, false))) continue;
    out[field] = { from: auditValue(from), to: auditValue(to) };
  }
  return out;
}
