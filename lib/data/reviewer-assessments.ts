import "server-only";
import { changes } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { ratableNumbers } from "@/lib/data/criteria-sets";
import { subjectOrganisationIds, withdrawAssignment } from "@/lib/data/endorsement-reviews";
import { assertRole, currentReviewerAssignment, reviewerAssignmentScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, type FieldErrors } from "@/lib/errors";
import { notifyStaff } from "@/lib/notify";
import { assessmentSchema, withdrawReviewerSchema, type AssessmentInput } from "@/lib/validation/endorsement";
import { reviewerAssignmentMachine, type Actor, type ReviewerAssignmentContext } from "@/lib/workflow";

// A reviewer's assignment to an endorsement review and the assessment it carries: a rating and comment
// per endorsement criterion, an overall comment and a recommendation. Saved as a draft, then submitted.

async function loadAssignment(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Reviewer assessment",
    tx.reviewerAssignment.findFirst({
      where: { id, ...reviewerAssignmentScope(actor) },
      select: {
        id: true,
        status: true,
        version: true,
        reviewerId: true,
        recommendation: true,
        overallComment: true,
        reviewer: { select: { name: true } },
        review: {
          select: {
            status: true,
            criteriaSetId: true,
            specificationVersion: {
              select: { number: true, credential: { select: { id: true, reference: true, title: true, ownerOrganisationId: true } } },
            },
          },
        },
      },
    }),
  );
}
type LoadedAssignment = Awaited<ReturnType<typeof loadAssignment>>;

const credentialOf = (a: LoadedAssignment) => a.review.specificationVersion.credential;

function contextOf(a: LoadedAssignment, unratedCriteria: string[], input: AssessmentInput): ReviewerAssignmentContext {
  return {
    assigneeId: a.reviewerId,
    subjectOrganisationIds: subjectOrganisationIds(credentialOf(a)),
    unratedCriteria,
    recommendation: input.recommendation ?? null,
    reviewDecided: a.review.status !== "OPEN",
  };
}

/** Replaces the assignment's ratings with the rated rows of the form; returns the numbers of criteria left unrated. */
async function writeRatings(tx: Tx, a: LoadedAssignment, input: AssessmentInput): Promise<string[]> {
  const numbers = await ratableNumbers(tx, a.review.criteriaSetId);
  const rated = input.ratings.filter((r) => r.rating && numbers.has(r.criterionId));
  await tx.criterionAssessment.deleteMany({ where: { assignmentId: a.id } });
  await tx.criterionAssessment.createMany({
    data: rated.map((r) => ({ assignmentId: a.id, criterionId: r.criterionId, rating: r.rating!, comment: r.comment })),
  });
  return [...numbers].filter(([id]) => !rated.some((r) => r.criterionId === id)).map(([, number]) => number);
}

/** Errors by form field, for the rows the reviewer still has to answer. */
function unansweredFields(input: AssessmentInput, numbers: Map<string, string>, which: "all" | "commented"): FieldErrors {
  const errors: FieldErrors = {};
  input.ratings.forEach((r, i) => {
    if (r.rating || (which === "commented" && !r.comment)) return;
    const number = numbers.get(r.criterionId) ?? "";
    errors[`ratings.${i}.rating`] = [which === "all" ? `Rate criterion ${number}` : `Rate criterion ${number} to keep your comment on it`];
  });
  if (which === "all" && !input.recommendation) errors.recommendation = ["Choose your recommendation"];
  return errors;
}

const assessmentFields = (input: AssessmentInput) => ({
  overallComment: input.overallComment,
  recommendation: input.recommendation ?? null,
});

/** Saving a draft is a transition that keeps the assignment ASSIGNED: only the assigned reviewer, only before submitting. */
export const saveAssessmentDraft = defineCommand(assessmentSchema, async (tx, input, actor) => {
  assertRole(actor, ["REVIEWER"], "record an assessment");
  const a = await loadAssignment(tx, input.id, actor);
  const fields = assessmentFields(input);
  const outcome = await applyTransition(tx, {
    machine: reviewerAssignmentMachine,
    transition: "saveDraft",
    row: a,
    expectedVersion: input.version,
    actor,
    context: contextOf(a, [], input),
    table: tx.reviewerAssignment,
    data: fields,
    audit: { changes: changes(a, fields, ["overallComment", "recommendation"]) },
  });
  const missing = unansweredFields(input, await ratableNumbers(tx, a.review.criteriaSetId), "commented");
  if (Object.keys(missing).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", missing);
  await writeRatings(tx, a, input);
  return { id: a.id, version: outcome.version, credentialId: credentialOf(a).id };
});

/** Submitting needs every criterion rated and a recommendation; staff are told it is in. */
export const submitAssessment = defineCommand(assessmentSchema, async (tx, input, actor) => {
  const a = await loadAssignment(tx, input.id, actor);
  const unrated = await writeRatings(tx, a, input);
  let outcome;
  try {
    outcome = await applyTransition(tx, {
      machine: reviewerAssignmentMachine,
      transition: "submitAssessment",
      row: a,
      expectedVersion: input.version,
      actor,
      context: contextOf(a, unrated, input),
      table: tx.reviewerAssignment,
      data: { ...assessmentFields(input), submittedAt: new Date() },
      audit: { recommendation: input.recommendation ?? null },
    });
  } catch (err) {
    // The state machine says what is missing; the form also needs to know which fields to highlight.
    const fields =
      err instanceof AppError && err.code === "GUARD_FAILED"
        ? unansweredFields(input, await ratableNumbers(tx, a.review.criteriaSetId), "all")
        : {};
    throw Object.keys(fields).length > 0 ? new AppError("GUARD_FAILED", (err as AppError).message, fields) : err;
  }
  const c = credentialOf(a);
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Assessment submitted: ${c.reference} version ${a.review.specificationVersion.number}`,
    body: `${a.reviewer.name} has submitted their endorsement assessment.`,
    link: `/credentials/${c.id}/review`,
  });
  return { ...outcome, credentialId: c.id };
});

export const withdrawReviewer = defineCommand(withdrawReviewerSchema, async (tx, input, actor) => {
  const a = await loadAssignment(tx, input.id, actor);
  const c = credentialOf(a);
  const outcome = await withdrawAssignment(tx, a, c, input.reason, actor, input.version);
  return { ...outcome, credentialId: c.id };
});

/** The signed-in reviewer's own assignment on a credential's latest review; anyone else gets null. */
export function ownAssessment(actor: Actor, credentialId: string) {
  if (actor.role !== "REVIEWER") return null;
  return db().reviewerAssignment.findFirst({
    where: { ...currentReviewerAssignment(actor), review: { specificationVersion: { credentialId } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      version: true,
      dueOn: true,
      submittedAt: true,
      overallComment: true,
      recommendation: true,
      ratings: { select: { criterionId: true, rating: true, comment: true } },
      review: {
        select: {
          criteriaSetId: true,
          specificationVersion: { select: { number: true, credential: { select: { id: true, reference: true, title: true } } } },
        },
      },
    },
  });
}
