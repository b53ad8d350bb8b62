import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/config";
import { emailText, headerValue } from "@/lib/notify";
import { eachInTransaction } from "./system";

/** A digest lists at most this many notifications in full; the rest are counted (all are in Notifications). */
export const DIGEST_MAX_ITEMS = 50;

type Item = { title: string; body: string; link: string | null; createdAt: Date };

/**
 * One e-mail per person with every notification kept for their digest up to `now`. The items are deleted in the
 * same transaction that queues the e-mail, by one DELETE … RETURNING: a second run at the same moment finds them
 * gone, so nobody gets a digest twice, and a failed run leaves them for the retry.
 */
export async function sendDigests(db: PrismaClient, now: Date): Promise<number> {
  const people = await db.emailDigestItem.groupBy({ by: ["userId"], where: { createdAt: { lte: now } } });
  return eachInTransaction(db, people, async (tx, { userId }) => {
    const items = await tx.$queryRaw<Item[]>`
      DELETE FROM "EmailDigestItem" WHERE "userId" = ${userId} AND "createdAt" <= ${now}
      RETURNING title, body, link, "createdAt"`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, active: true } });
    if (items.length === 0 || !user?.active) return false;
    items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await tx.emailOutbox.create({
      data: {
        to: headerValue(user.email),
        subject: `Your daily summary: ${items.length} notification${items.length === 1 ? "" : "s"}`,
        body: digestText(items),
      },
    });
    return true;
  });
}

function digestText(items: Item[]): string {
  const shown = items.slice(0, DIGEST_MAX_ITEMS).map((item, i) => [`${i + 1}. ${item.title}`, emailText(item)].filter(Boolean).join("\n"));
  const more = items.length - DIGEST_MAX_ITEMS;
  const base = appUrl().replace(/\/$/, "");
  return [
    "What happened in Advanced Practice Credentials since your last summary:",
    ...shown,
    more > 0 ? `…and ${more} more in ${base}/notifications` : "",
    `You get this summary because you chose a daily e-mail for some notifications. Change that at ${base}/account/notifications`,
  ]
    .filter(Boolean)
    .join("\n\n");
}
