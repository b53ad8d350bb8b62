import "server-only";
import { db } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { z } from "zod";
import { id } from "@/lib/validation/common";

/** The signed-in user's notifications, newest first (unread ones first within the page). */
export function listNotifications(userId: string, limit = 50) {
  return db().notification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

/** Marks one of the user's own notifications (or all of them) as read. Not a lifecycle change, so not audited. */
export const markNotificationsRead = defineCommand(z.object({ id: id.optional() }), async (tx, input, actor) => {
  const { count } = await tx.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(input.id ? { id: input.id } : {}) },
    data: { readAt: new Date() },
  });
  return { count };
});
