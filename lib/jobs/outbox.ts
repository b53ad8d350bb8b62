import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Mailer = (mail: { to: string; subject: string; body: string }) => Promise<void>;

/**
 * The only mailer so far: each e-mail is written to the worker's log (no SMTP sending yet), and the
 * outbox row is still marked sent, so the flow around it is the one a real mailer will use.
 */
export const logMailer: Mailer = async (mail) => {
  console.log(`[mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}`);
};

const MAX_ATTEMPTS = 5;

/** Sends pending outbox e-mails. `FOR UPDATE SKIP LOCKED` lets several workers share the outbox safely. */
export async function deliverOutbox(db: PrismaClient, send: Mailer = logMailer, batch = 50): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; to: string; subject: string; body: string; attempts: number }[]>`
      SELECT id, "to", subject, body, attempts FROM "EmailOutbox"
      WHERE status = 'PENDING' ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    for (const row of rows) {
      try {
        await send(row);
        await tx.emailOutbox.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), attempts: row.attempts + 1 } });
      } catch (err) {
        const attempts = row.attempts + 1;
        await tx.emailOutbox.update({
          where: { id: row.id },
          data: { attempts, lastError: String(err), status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING" },
        });
      }
    }
    return rows.length;
  });
}
