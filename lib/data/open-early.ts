import "server-only";
import { z } from "zod";
import { defineCommand } from "@/lib/data/command";
import { keepPlanFor, PLAN_FOR_RECORD } from "@/lib/data/delivery-plans";
import { assertRole, deliveryPlanScope } from "@/lib/data/scope";
import { loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { openAnnualReturnFor, openPeriodicReviewFor, periodicReviewOpened } from "@/lib/data/openings";
import { notifyStaff } from "@/lib/notify";
import { id, version } from "@/lib/validation/common";
import { STAFF } from "@/lib/workflow";

// Staff can do early what the scheduled jobs would do on their own: start a credential's periodic
// review before the lead time, or open this year's annual return for a newly approved delivery.
// Both share the job's code, so the result is the same either way.

export const startPeriodicReviewNow = defineCommand(z.object({ id, version }), async (tx, input, actor) => {
  assertRole(actor, STAFF, "start a periodic review");
  const credential = await loadOrThrow(
    "Credential",
    tx.credential.findUnique({
      where: { id: input.id },
      select: { id: true, status: true, version: true, reference: true, title: true, publishedAt: true, reviewDueAt: true },
    }),
  );
  const dueAt = credential.reviewDueAt ?? new Date();
  const reviewId = await openPeriodicReviewFor(tx, credential, dueAt, actor, input.version);
  if (!reviewId) throw new AppError("WRONG_STATE", `A periodic review due on ${formatDate(dueAt)} already exists for this credential.`);
  await notifyStaff(tx, periodicReviewOpened(credential, dueAt, reviewId), actor.id);
  return { reviewId };
});

export const openAnnualReturnNow = defineCommand(z.object({ id }), async (tx, input, actor) => {
  assertRole(actor, STAFF, "open an annual return");
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { id: input.id, ...deliveryPlanScope(actor) },
      select: { ...PLAN_FOR_RECORD, programmeTitle: true },
    }),
  );
  await keepPlanFor(tx, plan, "openAnnualReturn", actor);
  const returnId = await openAnnualReturnFor(tx, plan, new Date(), actor);
  if (!returnId) throw new AppError("WRONG_STATE", "This year's annual return for this delivery plan is already open.");
  return { returnId };
});
