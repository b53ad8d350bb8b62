import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { LIST_PAGE_SIZE, pageResult, pageWindow } from "@/lib/data/paging";
import { AppError, stale } from "@/lib/errors";
import { id } from "@/lib/validation/common";
import type { Actor } from "@/lib/workflow";

export const FAILED_EMAILS_PAGE_SIZE = LIST_PAGE_SIZE;
export const DEV_MAILBOX_SIZE = 50;

/** The development mailbox is for machines that send no real e-mail: any non-production run, or DEV_MAILBOX=1. */
export const devMailboxEnabled = (env: Readonly<Record<string, string | undefined>> = process.env) =>
  env.NODE_ENV !== "production" || env.DEV_MAILBOX === "1";

async function assertAdmin(tx: Tx, actor: Actor) {
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { isAdmin: true, active: true } });
  if (!user?.isAdmin || !user.active) throw new AppError("NOT_ALLOWED", "Only a Centre admin can do this.");
}

/** E-mails that failed for good, or failed at least once and wait for their next attempt: newest first. */
const troubled = { OR: [{ status: "FAILED" as const }, { status: "PENDING" as const, attempts: { gt: 0 } }] };

/** For the admins' page: one page of failed and retrying e-mails, with their attempts and last error. */
export async function listTroubledEmails(actor: Actor, page: number, size = FAILED_EMAILS_PAGE_SIZE) {
  return db().$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [rows, total] = await Promise.all([
      tx.emailOutbox.findMany({
        where: troubled,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageWindow(page, size),
        select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true },
      }),
      tx.emailOutbox.count({ where: troubled }),
    ]);
    return pageResult(rows, total, page, size);
  });
}

/**
 * An admin's "Try again": a FAILED e-mail goes back to PENDING with its attempts counted afresh, due now. The update
 * is conditional on the status and attempts the admin saw, so two admins (or a double click) retry it once.
 */
export const retryEmail = defineCommand(z.object({ id, attempts: z.coerce.number().int().min(0) }), async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const { count } = await tx.emailOutbox.updateMany({
    where: { id: input.id, status: "FAILED", attempts: input.attempts },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedAt: null },
  });
  if (count !== 1) {
    if (!(await tx.emailOutbox.findUnique({ where: { id: input.id }, select: { id: true } })))
      throw new AppError("NOT_FOUND", "This e-mail no longer exists.");
    throw stale();
  }
  await recordAudit(tx, {
    entityType: "EmailOutbox",
    entityId: input.id,
    action: "retry",
    from: "FAILED",
    to: "PENDING",
    actor,
    data: { attempts: input.attempts },
  });
  return { id: input.id };
});

/** The development mailbox: the latest e-mails of any status, with their text. Only where no real e-mail is sent. */
export async function latestEmails(size = DEV_MAILBOX_SIZE) {
  return db().emailOutbox.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size,
    select: { id: true, to: true, subject: true, body: true, status: true, createdAt: true },
  });
}
