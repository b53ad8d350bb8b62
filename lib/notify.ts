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
  await notifyEach(tx, [{ userIds: userIds.filter((id) => id !== exceptUserId), message }]);
}

/**
 * Several messages, each to its own recipients, as `notifyUsers` sends one, in the same few statements however many
 * there are: a scheduled job notifies a batch of changes at once.
 */
export async function notifyEach(tx: Tx, items: { userIds: string[]; message: Message }[]) {
  const ids = [...new Set(items.flatMap((i) => i.userIds))];
  if (ids.length === 0) return;
  const kinds = [...new Set(items.map((i) => i.message.kind))];
  const users = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, email: true, notificationPreferences: { where: { kind: { in: kinds } }, select: { kind: true, delivery: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const notifications: { userId: string; title: string; body: string; link?: string }[] = [];
  const emails: { to: string; subject: string; body: string }[] = [];
  const digest: { userId: string; kind: NotificationKind; title: string; body: string; link?: string }[] = [];
  for (const { userIds, message } of items) {
    const title = headerValue(message.title);
    const body = message.body ?? "";
    for (const id of new Set(userIds)) {
      const u = byId.get(id);
      if (!u) continue;
      notifications.push({ userId: u.id, title, body, link: message.link });
      const delivery = u.notificationPreferences.find((p) => p.kind === message.kind)?.delivery ?? "EMAIL";
      if (delivery === "EMAIL") emails.push({ to: headerValue(u.email), subject: title, body: emailText(message) });
      if (delivery === "DIGEST") digest.push({ userId: u.id, kind: message.kind, title, body, link: message.link });
    }
  }
  await tx.notification.createMany({ data: notifications });
  await tx.emailOutbox.createMany({ data: emails });
  if (digest.length > 0) await tx.emailDigestItem.createMany({ data: digest });
}

/**
 * What a scheduled job tells people about the rows it changed at once: a row's own message when there is one, else a
 * single summary — a provider with 300 deliveries gets one message on 1 January, not 300. Null when there is none.
 */
export function oneOrSummary<T>(rows: readonly T[], one: (row: T) => Message, many: (rows: readonly T[]) => Message): Message | null {
  if (rows.length === 0) return null;
  return rows.length === 1 ? one(rows[0]) : many(rows);
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
