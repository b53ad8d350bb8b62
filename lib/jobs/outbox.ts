import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type OutgoingMail = { to: string; subject: string; body: string };
export type Mailer = (mail: OutgoingMail) => Promise<void>;

export const DEFAULT_MAIL_FROM = "Advanced Practice Credentials <no-reply@localhost>";

/** Without SMTP_URL: each e-mail is written to the worker's log, and its outbox row is marked sent. */
export const logMailer: Mailer = async (mail) => {
  console.log(`[mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}`);
};

/**
 * Sends through an SMTP server (`smtp://user:pass@host:587` upgrades with STARTTLS when offered, `smtps://…:465` is
 * TLS from the start). The timeouts bound one attempt well inside CLAIM_LEASE_MS, so a hung server becomes a failed
 * attempt to retry, never a claim that outlives its lease.
 */
export function smtpMailer(url: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
  };
}

/** The mailer the environment asks for, and a line saying so for the worker's log. */
export function mailerFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): { send: Mailer; description: string } {
  if (env.SMTP_URL) {
    const host = new URL(env.SMTP_URL).host;
    return { send: smtpMailer(env.SMTP_URL, env.MAIL_FROM || DEFAULT_MAIL_FROM), description: `sending e-mail through SMTP at ${host}` };
  }
  const mailbox = env.NODE_ENV !== "production" || env.DEV_MAILBOX === "1";
  return {
    send: logMailer,
    description: mailbox
      ? "no SMTP_URL: e-mails are logged here and shown at /dev/mailbox, not sent"
      : "no SMTP_URL: e-mails are written to this log, not sent",
  };
}

/** Wait before attempt n+1 after attempt n failed (1 min, 5 min, 30 min, 2 h); the attempt after the last delay is final. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claim older than this is presumed to belong to a sender that died; far longer than one attempt can take. */
export const CLAIM_LEASE_MS = 15 * 60_000;
const MAX_ERROR_LENGTH = 1000;

export type DeliveryOptions = { send?: Mailer; batch?: number; clock?: () => Date };

/**
 * Sends pending outbox e-mails that are due, one at a time: each is claimed in its own short write, sent, then
 * marked sent (or given its next attempt time) in another. No transaction stays open while a mail server is
 * talked to, so a worker that stops mid-batch keeps every mark it made: what it sent is never sent again.
 *
 * The honest trade-off: SMTP has no idempotency key, so the one e-mail in flight when a worker dies — sent, but not
 * yet marked — is tried again once its claim's lease runs out. That is at most one duplicate per crash, preferred
 * to losing the e-mail (an invitation, a decision). Each claim counts as an attempt, so an e-mail that crashes
 * its sender every time still ends FAILED rather than looping. Claims are conditional updates, so several
 * workers can share the outbox: of two claiming one row, one wins and the other moves on.
 *
 * Returns how many e-mails it attempted.
 */
export async function deliverOutbox(
  db: PrismaClient,
  { send = logMailer, batch = 50, clock = () => new Date() }: DeliveryOptions = {},
): Promise<number> {
  let attempted = 0;
  while (attempted < batch) {
    const mail = await claimNext(db, clock());
    if (mail === undefined) break;
    if (mail === null) continue; // another sender took it first
    attempted++;
    const mine = { id: mail.id, claimedAt: mail.claimedAt };
    try {
      await send(mail);
    } catch (err) {
      const at = clock();
      const final = mail.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.updateMany({
        where: mine,
        data: {
          status: final ? "FAILED" : "PENDING",
          claimedAt: null,
          lastError: String(err instanceof Error ? err.message : err).slice(0, MAX_ERROR_LENGTH),
          ...(final ? {} : { nextAttemptAt: new Date(at.getTime() + RETRY_DELAYS_MS[mail.attempts - 1]) }),
        },
      });
      continue;
    }
    // A lost claim (count 0) means this send outlived its lease and another sender has the row; it decides.
    await db.emailOutbox.updateMany({ where: mine, data: { status: "SENT", sentAt: clock(), claimedAt: null } });
  }
  return attempted;
}

/** The next due e-mail, now claimed by this sender; null when another sender claimed it first; undefined when none is due. */
async function claimNext(db: PrismaClient, at: Date) {
  const due = {
    status: "PENDING" as const,
    nextAttemptAt: { lte: at },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_LEASE_MS) } }],
  };
  const next = await db.emailOutbox.findFirst({
    where: due,
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: { id: true, to: true, subject: true, body: true, attempts: true, claimedAt: true },
  });
  if (!next) return undefined;
  const { count } = await db.emailOutbox.updateMany({
    where: { ...due, id: next.id, attempts: next.attempts },
    data: { claimedAt: at, attempts: { increment: 1 } },
  });
  return count === 1 ? { ...next, attempts: next.attempts + 1, claimedAt: at } : null;
}
