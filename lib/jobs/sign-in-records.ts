import type { PrismaClient } from "@/lib/generated/prisma/client";
import { IDLE_TIMEOUT_MS } from "@/lib/auth/session-policy";
import { addDays } from "@/lib/dates";

/**
 * Deletes sessions that have ended (idle or past their lifetime) and throttle counts nobody has
 * touched for a day (by then every count has faded; a lock still running is kept).
 * A session is refused once ended whether or not this has run; this only keeps the tables small.
 */
export async function purgeSignInRecords(db: PrismaClient, now: Date) {
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - IDLE_TIMEOUT_MS) } }] },
  });
  const throttles = await db.throttle.deleteMany({
    where: { updatedAt: { lte: addDays(now, -1) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return { sessions: sessions.count, throttles: throttles.count };
}
