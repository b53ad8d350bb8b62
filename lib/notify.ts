import "server-only";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import type { NotificationKind, Role } from "@/lib/generated/prisma/enums";

/** `kind` decides, with each recipient's preferences, whether the e-mail goes at once, in the daily digest or not at all. */
export type Message = { kind: NotificationKind; title: string; body?: string; link?: string };

const MAX_HEADER_LENGTH = 200;

/**
 * A value safe to put in an e-mail header. Titles carry text people typed (a practitioner's name, a
 * programme title): a CR or LF in them would end the Subject and start headers of the sender's choosing
 * (`Bcc: …`). Control characters and Unicode line breaks become one space, and the length is bounded.
 */
export function headerValue(value: string, max = MAX_HEADER_LENGTH): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The e-mail text for a message: its body, then the link made absolute with APP_URL so it works from a mail client. */
export function emailText(message: { body?: string | null; link?: string | null }): string {
  const link = message.link ? `${appUrl().replace(/\/$/, "")}${message.link}` : "";
  return [message.body, link ? `Open: ${link}` : ""].filter(Boolean).join("\n\n");
}

/**
 * An in-app notification for each recipient, and the e-mail each asked for with their preference for the
 * message's kind (none set: e-mail at once): queued in the outbox, kept for the daily digest, or none. Written in
 * the caller's transaction so a rolled-back change notifies nobody. The outbox is sent by the job worker.
 */
export async function notifyUsers(tx: Tx, userIds: string[], message: Message, exceptUserId?: string) {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (ids.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, email: true, notificationPreferences: { where: { kind: message.kind }, select: { delivery: true } } },
  });
  const title = headerValue(message.title);
  const body = message.body ?? "";
  await tx.notification.createMany({
    data: users.map((u) => ({ userId: u.id, title, body, link: message.link })),
  });
  const delivery = (u: (typeof users)[number]) => u.notificationPreferences[0]?.delivery ?? "EMAIL";
  await tx.emailOutbox.createMany({
    data: users.filter((u) => delivery(u) === "EMAIL").map((u) => ({ to: headerValue(u.email), subject: title, body: emailText(message) })),
  });
  const digest = users.filter((u) => delivery(u) === "DIGEST");
  if (digest.length > 0) {
    await tx.emailDigestItem.createMany({
      data: digest.map((u) => ({ userId: u.id, kind: message.kind, title, body, link: message.link })),
    });
  }
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
