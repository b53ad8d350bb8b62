import "server-only";
import { db } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { keysetResult, keysetWindow, LIST_PAGE_SIZE, type Keyset } from "@/lib/data/paging";
import { z } from "zod";
import { id } from "@/lib/validation/common";

export const NOTIFICATIONS_PAGE_SIZE = LIST_PAGE_SIZE;

/**
 * One page of the signed-in user's notifications, newest first, with how many there are and how many are
 * unread (counted by the database). Keyset-paged (`?after=<id>`): a user's notifications only ever grow.
 */
export async function listNotifications(userId: string, keyset: Keyset = {}, size = NOTIFICATIONS_PAGE_SIZE) {
  const where = { userId };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...keysetWindow(keyset, size, String),
      select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db().notification.count({ where }),
    db().notification.count({ where: { userId, readAt: null } }),
  ]);
  return { ...keysetResult(rows, total, keyset, size), unread };
}

/** Marks one of the user's own notifications (or all of them) as read. Not a lifecycle change, so not audited. */
export const markNotificationsRead = defineCommand(z.object({ id: id.optional() }), async (tx, input, actor) => {
  const { count } = await tx.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.id ? { id: input.id } : {}) },
    data: { readAt: new Date() },
  });
  return { count };
});
