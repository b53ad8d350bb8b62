import "server-only";
import { changes } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { applyPeriodicOutcome } from "@/lib/data/periodic-review-outcomes";
import { assertRole, periodicReviewScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { concludePeriodicReviewSchema, currencyCheckSchema } from "@/lib/validation/periodic-review";
import { incompleteCurrencyChecks, periodicReviewMachine, STAFF, type Actor } from "@/lib/workflow";

// Centre staff carry out a periodic review: record the four currency checks, then conclude it.

async function loadReview(tx: Tx, id: string, actor: Actor, verb: string) {
  assertRole(actor, STAFF, verb);
  return loadOrThrow(
    "Periodic review",
    tx.periodicReview.findFirst({
      where: { AND: [{ id }, periodicReviewScope(actor)] },
      include: {
        checks: { select: { kind: true } },
        credential: {
          select: {
            id: true,
            status: true,
            version: true,
            reference: true,
            title: true,
            ownerOrganisationId: true,
            endorsedVersionId: true,
            publishedAt: true,
          },
        },
      },
    }),
  );
}

type Loaded = Awaited<ReturnType<typeof loadReview>>;
const contextOf = (row: Loaded) => ({ incompleteChecks: incompleteCurrencyChecks(row.checks.map((c) => c.kind)) });

/**
 * Records (or corrects) one currency check, a transition that keeps the review in progress. The first check of a
 * scheduled review starts it. The review's version is checked and bumped, so a check recorded on a page someone else
 * has since changed is refused.
 */
export const recordCurrencyCheck = defineCommand(currencyCheckSchema, async (tx, input, actor) => {
  let row = await loadReview(tx, input.id, actor, "record a currency check");
  let expectedVersion: number | undefined = input.version;
  if (row.status === "SCHEDULED") {
    const started = await applyTransition(tx, {
      machine: periodicReviewMachine,
      transition: "start",
      row,
      expectedVersion,
      actor,
      context: contextOf(row),
      table: tx.periodicReview,
    });
    row = { ...row, status: started.to, version: started.version };
    expectedVersion = undefined;
  }
  const check = { finding: input.finding, changeNeeded: input.changeNeeded, recordedById: actor.id, recordedAt: new Date() };
  const where = { periodicReviewId_kind: { periodicReviewId: row.id, kind: input.kind } };
  const earlier = await tx.currencyCheck.findUnique({ where, select: { finding: true, changeNeeded: true } });
  const outcome = await applyTransition(tx, {
    machine: periodicReviewMachine,
    transition: "recordCheck",
    row,
    expectedVersion,
    actor,
    context: contextOf(row),
    table: tx.periodicReview,
    audit: {
      kind: input.kind,
      changeNeeded: input.changeNeeded,
      changes: changes(earlier ?? { finding: null, changeNeeded: null }, check, ["finding", "changeNeeded"]),
    },
  });
  await tx.currencyCheck.upsert({
    where,
    create: { periodicReviewId: row.id, kind: input.kind, ...check },
    update: check,
  });
  return { id: row.id, version: outcome.version, kind: input.kind };
});

/** Concludes the review with its outcome and rationale, and applies the outcome to the credential (one transaction). */
export const concludePeriodicReview = defineCommand(concludePeriodicReviewSchema, async (tx, input, actor) => {
  const row = await loadReview(tx, input.id, actor, "conclude a periodic review");
  const now = new Date();
  const result = await applyTransition(tx, {
    machine: periodicReviewMachine,
    transition: "conclude",
    row,
    expectedVersion: input.version,
    actor,
    context: { ...contextOf(row), outcome: input.outcome, rationale: input.rationale },
    table: tx.periodicReview,
    data: { outcome: input.outcome, rationale: input.rationale, concludedAt: now },
    reason: input.rationale,
    audit: { outcome: input.outcome },
  });
  const effect = await applyPeriodicOutcome(tx, row.credential, input.outcome, input.rationale, actor, now);
  return { ...result, credentialId: row.credentialId, outcome: input.outcome, ...effect };
});
