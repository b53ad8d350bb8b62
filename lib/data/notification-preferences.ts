import "server-only";
import { recordAudit, changes } from "@/lib/audit";
import { db } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import type { EmailDelivery, NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KIND_VALUES, notificationPreferencesSchema } from "@/lib/validation/notification-preferences";

export type NotificationPreferences = Record<NotificationKind, EmailDelivery>;

/** The person's choice for every kind; a kind they never chose is EMAIL. */
export async function notificationPreferencesOf(userId: string): Promise<NotificationPreferences> {
  const rows = await db().notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return Object.fromEntries(NOTIFICATION_KIND_VALUES.map((kind) => [kind, chosen.get(kind) ?? "EMAIL"])) as NotificationPreferences;
}

/** Saves the signed-in person's own choices (there is no way to name anyone else), audited with what changed. */
export const saveNotificationPreferences = defineCommand(notificationPreferencesSchema, async (tx, input, actor) => {
  const before = await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } });
  const was = Object.fromEntries(NOTIFICATION_KIND_VALUES.map((kind) => [kind, before.find((b) => b.kind === kind)?.delivery ?? "EMAIL"]));
  for (const kind of NOTIFICATION_KIND_VALUES) {
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId: actor.id, kind } },
      create: { userId: actor.id, kind, delivery: input[kind] },
      update: { delivery: input[kind] },
    });
  }
  const changed = changes(was, input, NOTIFICATION_KIND_VALUES);
  if (Object.keys(changed).length > 0) {
    await recordAudit(tx, {
      entityType: "User",
      entityId: actor.id,
      action: "setNotificationPreferences",
      actor,
      data: { changes: changed },
    });
  }
  return { id: actor.id };
});
