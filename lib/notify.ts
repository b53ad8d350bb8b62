import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type Message = { title: string; body?: string; link?: string };

/**
 * In-app notification plus a queued e-mail for each recipient, written in the caller's
 * transaction so a rolled-back change notifies nobody. The outbox is sent by the job worker.
 */
export async function notifyUsers(tx: Tx, userIds: string[], message: Message, exceptUserId?: string) {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (ids.length === 0) return;
  const users = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, email: true } });
  await tx.notification.createMany({
    data: users.map((u) => ({ userId: u.id, title: message.title, body: message.body ?? "", link: message.link })),
  });
  await tx.emailOutbox.createMany({
    data: users.map((u) => ({
      to: u.email,
      subject: message.title,
      body: [message.body, message.link ? `Open: ${message.link}` : ""].filter(Boolean).join("\n\n"),
    })),
  });
}

/** Everyone in an organisation with the given role (e.g. the expert group's members). */
export async function organisationMembers(tx: Tx, organisationId: string, role: Role): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { organisationId, role, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function usersWithRole(tx: Tx, role: Role): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { role, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function notifyStaff(tx: Tx, message: Message, exceptUserId?: string) {
  await notifyUsers(tx, await usersWithRole(tx, "CENTRE_STAFF"), message, exceptUserId);
}
