import "server-only";
import { db } from "@/lib/db";
import { isSequenceId, keysetOf, keysetResult, keysetWindow, type Keyset, type QueryParams } from "@/lib/data/paging";

export const HISTORY_PAGE_SIZE = 20;

/**
 * One page of the audit trail of one or more entities (e.g. a credential and its versions), newest first, with
 * who did it, and how many events there are in all. Pages by keyset on the event id (`?historyAfter=`), so
 * an old record's hundredth page costs what its first does.
 */
export async function historyOf(entityIds: string[], keyset: Keyset = {}, size = HISTORY_PAGE_SIZE) {
  const where = { entityId: { in: entityIds } };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      ...keysetWindow(keyset, size, BigInt),
      select: {
        id: true,
        entityType: true,
        action: true,
        fromState: true,
        toState: true,
        actorId: true,
        actorRole: true,
        reason: true,
        createdAt: true,
      },
    }),
    db().auditEvent.count({ where }),
  ]);
  const page = keysetResult(events, total, keyset, size);
  const actorIds = [...new Set(page.rows.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    ...page,
    rows: page.rows.map((e) => ({
      ...e,
      id: String(e.id),
      actorName: e.actorId ? (names.get(e.actorId) ?? "Unknown user") : "Scheduled job",
    })),
  };
}

/** The history page asked for in the URL (`?historyAfter=<event id>`). */
export const historyCursor = (params: QueryParams) => keysetOf(params, "history", isSequenceId);
