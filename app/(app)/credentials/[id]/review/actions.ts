"use server";
import { doneAt, runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import * as appeals from "@/lib/data/appeals";
import * as conditions from "@/lib/data/endorsement-conditions";
import * as reviews from "@/lib/data/endorsement-reviews";
import * as publication from "@/lib/data/publication";
import * as assessments from "@/lib/data/reviewer-assessments";
import { fieldText } from "@/lib/form";
import type { ActionResult } from "@/lib/result";

// Endorsement review (assigning reviewers, assessments, decision, conditions) and publication.

type Changed = { credentialId: string };
const reviewPage = (r: Changed) => `/credentials/${r.credentialId}/review`;
const changedPages = (r: Changed) => [reviewPage(r), `/credentials/${r.credentialId}`, "/dashboard"];
/** A decision (re-endorsing a revised version) and its conditions are public once the credential is published. */
const publicData = () => [CATALOGUE_TAG];

export async function assignReviewers(_prev: ActionResult | null, form: FormData) {
  return runAction(reviews.assignReviewers, form, { revalidate: changedPages, redirect: (r) => doneAt(reviewPage(r), "assignReviewers") });
}

export async function withdrawReviewer(_prev: ActionResult | null, form: FormData) {
  return runAction(assessments.withdrawReviewer, form, {
    revalidate: changedPages,
    redirect: (r) => doneAt(reviewPage(r), "withdrawReviewer"),
  });
}

/** One form, two buttons: "Save draft" sends intent=draft; submitting goes back to the review page. */
export async function saveAssessment(_prev: ActionResult | null, form: FormData) {
  if (fieldText(form, "intent") === "draft") {
    return runAction(assessments.saveAssessmentDraft, form, { revalidate: changedPages, message: "Your draft has been saved." });
  }
  return runAction(assessments.submitAssessment, form, {
    revalidate: changedPages,
    redirect: (r) => doneAt(reviewPage(r), "submitAssessment"),
  });
}

export async function decideEndorsement(_prev: ActionResult | null, form: FormData) {
  return runAction(reviews.decideEndorsement, form, {
    revalidate: changedPages,
    tags: publicData,
    redirect: (r) => doneAt(reviewPage(r), "decided"),
  });
}

export async function markConditionMet(_prev: ActionResult | null, form: FormData) {
  return runAction(conditions.markConditionMet, form, {
    revalidate: changedPages,
    tags: publicData,
    redirect: (r) => doneAt(reviewPage(r), "markMet"),
  });
}

export async function setConditionDueDate(_prev: ActionResult | null, form: FormData) {
  return runAction(conditions.setConditionDueDate, form, {
    revalidate: changedPages,
    tags: publicData,
    redirect: (r) => doneAt(reviewPage(r), "setDueDate"),
  });
}

export async function reopenCondition(_prev: ActionResult | null, form: FormData) {
  return runAction(conditions.reopenCondition, form, {
    revalidate: changedPages,
    tags: publicData,
    redirect: (r) => doneAt(reviewPage(r), "reopenCondition"),
  });
}

export async function publishCredential(_prev: ActionResult | null, form: FormData) {
  return runAction(publication.publishCredential, form, {
    revalidate: changedPages,
    tags: publicData,
    redirect: (r) => doneAt(reviewPage(r), "publish"),
  });
}

export async function lodgeAppeal(_prev: ActionResult | null, form: FormData) {
  return runAction(appeals.lodgeAppeal, form, {
    revalidate: changedPages,
    redirect: (r) => doneAt(`${reviewPage(r)}/appeal`, r.transition),
  });
}

/** An upheld appeal returns the specification to review: its public data does not change until a new decision. */
export async function decideAppeal(_prev: ActionResult | null, form: FormData) {
  return runAction(appeals.decideAppeal, form, {
    revalidate: changedPages,
    redirect: (r) => doneAt(`${reviewPage(r)}/appeal`, r.transition),
  });
}
