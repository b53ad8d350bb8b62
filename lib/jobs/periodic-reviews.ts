import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { formatDate } from "@/lib/format";
import { notifyStaff } from "@/lib/notify";
import { dueForOpening, isPeriodicReviewOverdue, PERIODIC_REVIEW_LEAD_DAYS } from "@/lib/workflow";
import { addDays } from "@/lib/dates";
import { openPeriodicReviewFor, reviewLink } from "@/lib/data/openings";
import { eachInTransaction, envInt, SYSTEM_ACTOR } from "./system";

// The periodic-review jobs. Both are idempotent: a rerun of the same tick (a retry after a crash,
// two workers, a manual send) changes nothing that the first run already changed.

export const REMINDER_INTERVAL_DAYS = 7;

export const periodicReviewLeadDays = () => envInt("PERIODIC_REVIEW_LEAD_DAYS", PERIODIC_REVIEW_LEAD_DAYS);

/**
 * Opens a periodic review (SCHEDULED, due on the credential's `reviewDueAt`) for every endorsed
 * credential within the lead time of its due date, and puts the credential under periodic review.
 * The review is unique on (credential, due date) and inserted with ON CONFLICT DO NOTHING, so a
 * second run finds it there and does nothing more.
 */
export async function openPeriodicReviews(db: PrismaClient, now: Date, leadDays = periodicReviewLeadDays()): Promise<number> {
  const candidates = await db.credential.findMany({
    where: { status: "ENDORSED", reviewDueAt: { not: null, lte: addDays(now, leadDays) } },
    select: { id: true, status: true, version: true, reference: true, title: true, reviewDueAt: true, publishedAt: true },
    orderBy: { reviewDueAt: "asc" },
  });
  const due = candidates.flatMap(({ reviewDueAt, ...c }) =>
    reviewDueAt && dueForOpening(reviewDueAt, now, leadDays) ? [{ ...c, reviewDueAt }] : [],
  );
  return eachInTransaction(db, due, (tx, credential) =>
    openPeriodicReviewFor(tx, credential, credential.reviewDueAt, SYSTEM_ACTOR).then(Boolean),
  );
}

/**
 * Flags periodic reviews not concluded by their due date (once, audited as `flagOverdue`) and
 * reminds Centre staff of each at most once every REMINDER_INTERVAL_DAYS. Both writes are
 * conditional updates, so concurrent or repeated runs flag and remind once.
 */
export async function flagOverduePeriodicReviews(db: PrismaClient, now: Date): Promise<number> {
  const rows = await db.periodicReview.findMany({
    where: { status: { not: "CONCLUDED" }, dueAt: { lt: now } },
    select: { id: true, status: true, dueAt: true, credential: { select: { reference: true, title: true } } },
  });
  const overdue = rows.filter((r) => isPeriodicReviewOverdue(r.status, r.dueAt, now));
  const remindedBefore = addDays(now, -REMINDER_INTERVAL_DAYS);
  return eachInTransaction(db, overdue, async (tx, review) => {
    const open = { id: review.id, status: { not: "CONCLUDED" as const } };
    const flagged = await tx.periodicReview.updateMany({ where: { ...open, overdueFlaggedAt: null }, data: { overdueFlaggedAt: now } });
    if (flagged.count === 1) {
      await recordAudit(tx, {
        entityType: "PeriodicReview",
        entityId: review.id,
        action: "flagOverdue",
        from: review.status,
        to: review.status,
        actor: SYSTEM_ACTOR,
      });
    }
    const reminded = await tx.periodicReview.updateMany({
      where: { ...open, OR: [{ remindedAt: null }, { remindedAt: { lte: remindedBefore } }] },
      data: { remindedAt: now },
    });
    if (reminded.count === 1) {
      await notifyStaff(tx, {
        kind: "REMINDERS",
        title: `${flagged.count === 1 ? "Periodic review overdue" : "Reminder: periodic review overdue"}: ${review.credential.reference} ${review.credential.title}`,
        body: `It was due on ${formatDate(review.dueAt)} and has not been concluded.`,
        link: reviewLink(review.id),
      });
    }
    return flagged.count === 1 || reminded.count === 1;
  });
}
