import "server-only";
import { db } from "@/lib/db";

/** The audit trail of one or more entities (e.g. a credential and its versions), newest first, with who did it. */
export async function historyOf(entityIds: string[], limit = 100) {
  const events = await db().auditEvent.findMany({
    where: { entityId: { in: entityIds } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, entityType: true, action: true, fromState: true, toState: true, actorId: true, actorRole: true, reason: true, createdAt: true },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({ ...e, id: String(e.id), actorName: e.actorId ? (names.get(e.actorId) ?? "Unknown user") : "Scheduled job" }));
}
