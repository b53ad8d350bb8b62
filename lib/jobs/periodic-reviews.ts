import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { formatDate } from "@/lib/format";
import { notifyStaff, oneOrSummary, type Message } from "@/lib/notify";
import { dueForOpening, isPeriodicReviewOverdue, PERIODIC_REVIEW_LEAD_DAYS } from "@/lib/workflow";
import { addDays } from "@/lib/dates";
import { openPeriodicReviewFor, periodicReviewOpened, reviewLink } from "@/lib/data/openings";
import { chunks, envInt, inGroups, SYSTEM_ACTOR } from "./system";

// The periodic-review jobs. Both are idempotent: a rerun of the same tick (a retry after a crash,
// two workers, a manual send) changes nothing that the first run already changed.
// Staff hear once per batch of up to JOB_BATCH_SIZE credentials (once per tick on any ordinary day): about the review
// when there is one, else one message about all of them. The message is written in the batch's own transaction, so
// the reviews and the message about them commit together: a worker stopped mid-run, whose job a retry finds already
// done, has told staff all the same.

export const REMINDER_INTERVAL_DAYS = 7;

export const periodicReviewLeadDays = () => envInt("PERIODIC_REVIEW_LEAD_DAYS", PERIODIC_REVIEW_LEAD_DAYS);

const REVIEWS_LINK = "/periodic-reviews";

async function tellStaff(tx: Tx, message: Message | null) {
  if (message) await notifyStaff(tx, message);
}

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
  // Each credential goes through its own state machine, a batch of them per transaction.
  const opened = await inGroups(db, chunks(due), async (tx, batch) => {
    const done = [];
    for (const credential of batch) {
      const reviewId = await openPeriodicReviewFor(tx, credential, credential.reviewDueAt, SYSTEM_ACTOR);
      if (reviewId) done.push({ credential, reviewId });
    }
    await tellStaff(
      tx,
      oneOrSummary(
        done,
        ({ credential, reviewId }) => periodicReviewOpened(credential, credential.reviewDueAt, reviewId),
        (all) => ({
          kind: "REMINDERS",
          title: `Periodic reviews opened: ${all.length} credentials`,
          body: `Due from ${formatDate(all[0].credential.reviewDueAt)} to ${formatDate(all.at(-1)!.credential.reviewDueAt)}. For each, record the four currency checks, then conclude it.`,
          link: REVIEWS_LINK,
        }),
      ),
    );
    return done;
  });
  return opened.length;
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
    orderBy: { dueAt: "asc" },
  });
  const overdue = rows.filter((r) => isPeriodicReviewOverdue(r.status, r.dueAt, now));
  const remindedBefore = addDays(now, -REMINDER_INTERVAL_DAYS);
  const changed = await inGroups(db, chunks(overdue), async (tx, batch) => {
    const done = [];
    for (const review of batch) {
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
      if (flagged.count === 1 || reminded.count === 1) done.push({ review, newly: flagged.count === 1, remind: reminded.count === 1 });
    }
    await tellStaff(
      tx,
      oneOrSummary(
        done.filter((c) => c.remind),
        ({ review, newly }) => ({
          kind: "REMINDERS",
          title: `${newly ? "Periodic review overdue" : "Reminder: periodic review overdue"}: ${review.credential.reference} ${review.credential.title}`,
          body: `It was due on ${formatDate(review.dueAt)} and has not been concluded.`,
          link: reviewLink(review.id),
        }),
        (all) => ({
          kind: "REMINDERS",
          title: `Periodic reviews overdue: ${all.length}`,
          body: `${all.length} periodic reviews were due on or before ${formatDate(all.at(-1)!.review.dueAt)} and have not been concluded (${all.filter((c) => c.newly).length} of them newly).`,
          link: REVIEWS_LINK,
        }),
      ),
    );
    return done;
  });
  return changed.length;
}
