"use server";
import { runAction } from "@/lib/actions";
import * as conditions from "@/lib/data/endorsement-conditions";
import * as reviews from "@/lib/data/endorsement-reviews";
import * as publication from "@/lib/data/publication";
import * as assessments from "@/lib/data/reviewer-assessments";
import type { ActionResult } from "@/lib/result";

// Endorsement review (assigning reviewers, assessments, decision, conditions) and publication.

type Changed = { credentialId: string };
const reviewPage = (r: Changed) => `/credentials/${r.credentialId}/review`;
const changedPages = (r: Changed) => [reviewPage(r), `/credentials/${r.credentialId}`, "/dashboard"];

export async function assignReviewers(_prev: ActionResult | null, form: FormData) {
  return runAction(reviews.assignReviewers, form, { revalidate: changedPages, message: "Reviewers assigned. They have been notified." });
}

export async function withdrawReviewer(_prev: ActionResult | null, form: FormData) {
  return runAction(assessments.withdrawReviewer, form, { revalidate: changedPages, message: "Reviewer withdrawn." });
}

/** One form, two buttons: "Save draft" sends intent=draft; submitting goes back to the review page. */
export async function saveAssessment(_prev: ActionResult | null, form: FormData) {
  if (form.get("intent") === "draft") {
    return runAction(assessments.saveAssessmentDraft, form, { revalidate: changedPages, message: "Your draft has been saved." });
  }
  return runAction(assessments.submitAssessment, form, { revalidate: changedPages, redirect: reviewPage });
}

export async function decideEndorsement(_prev: ActionResult | null, form: FormData) {
  return runAction(reviews.decideEndorsement, form, { revalidate: changedPages, redirect: (r) => `${reviewPage(r)}?done=decided` });
}

export async function markConditionMet(_prev: ActionResult | null, form: FormData) {
  return runAction(conditions.markConditionMet, form, { revalidate: changedPages, redirect: reviewPage });
}

export async function reopenCondition(_prev: ActionResult | null, form: FormData) {
  return runAction(conditions.reopenCondition, form, { revalidate: changedPages, redirect: reviewPage });
}

export async function publishCredential(_prev: ActionResult | null, form: FormData) {
  return runAction(publication.publishCredential, form, {
    revalidate: (r) => [...changedPages(r), "/catalogue", `/catalogue/${r.reference}`],
    message: "Published in the catalogue.",
  });
}
