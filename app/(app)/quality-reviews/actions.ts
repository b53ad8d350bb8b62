"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as annualReturns from "@/lib/data/annual-returns";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { fieldText } from "@/lib/form";
import * as qualityActions from "@/lib/data/quality-actions";
import * as qualityReviews from "@/lib/data/quality-reviews";
import type { ActionResult } from "@/lib/result";

// Every quality form posts here; each action is one command plus the pages it changes.

type Prev = ActionResult | null;
const LIST = "/quality-reviews";
const formId = (form: FormData) => fieldText(form, "id");

/** The review page (and the list) after a change to the review or one of its actions. */
const reviewPages = (reviewId: string) => () => [qualityReviews.qualityReviewLink(reviewId), LIST, "/dashboard"];
const returnPages = (id: string) => () => [annualReturns.annualReturnLink(id), LIST, "/dashboard"];
/** An action's pages, from the saved action: its review is the one it belongs to, not whatever the form said. */
const actionPages = (a: { id: string; qualityReviewId: string }) => [
  ...reviewPages(a.qualityReviewId)(),
  qualityActions.qualityActionLink(a),
];

export async function submitAnnualReturn(_: Prev, form: FormData) {
  return runAction(annualReturns.submitAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturns.annualReturnLink(r.id), "submit"),
  });
}
export async function queryAnnualReturn(_: Prev, form: FormData) {
  return runAction(annualReturns.queryAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturns.annualReturnLink(r.id), "query"),
  });
}
export async function acceptAnnualReturn(_: Prev, form: FormData) {
  return runAction(annualReturns.acceptAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturns.annualReturnLink(r.id), "accept"),
  });
}

export async function scheduleQualityReview(_: Prev, form: FormData) {
  return runAction(qualityReviews.scheduleQualityReview, form, {
    revalidate: () => [LIST, "/dashboard"],
    redirect: (r) => doneAt(qualityReviews.qualityReviewLink(r.id), "created"),
  });
}
export async function startQualityReview(_: Prev, form: FormData) {
  return runAction(qualityReviews.startQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviews.qualityReviewLink(r.id), "start"),
  });
}
export async function reportQualityReview(_: Prev, form: FormData) {
  return runAction(qualityReviews.reportQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviews.qualityReviewLink(r.id), "report"),
  });
}
export async function closeQualityReview(_: Prev, form: FormData) {
  return runAction(qualityReviews.closeQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviews.qualityReviewLink(r.id), "close"),
  });
}
export async function suspendPlanAfterReview(_: Prev, form: FormData) {
  return runAction(qualityReviews.suspendPlanAfterReview, form, {
    revalidate: () => [qualityReviews.qualityReviewLink(formId(form)), "/delivery-plans", "/dashboard"],
    // A suspended plan's provider leaves its credential's public entry.
    tags: () => [CATALOGUE_TAG],
    redirect: (r) => doneAt(qualityReviews.qualityReviewLink(r.reviewId), "suspendPlan"),
  });
}
export async function recordFinding(_: Prev, form: FormData) {
  return runAction(qualityReviews.recordFinding, form, {
    revalidate: reviewPages(formId(form)),
    redirect: () => doneAt(qualityReviews.qualityReviewLink(formId(form)), "recordFinding"),
  });
}
export async function raiseQualityAction(_: Prev, form: FormData) {
  return runAction(qualityActions.raiseQualityAction, form, {
    revalidate: (a) => reviewPages(a.qualityReviewId)(),
    redirect: (a) => doneAt(qualityReviews.qualityReviewLink(a.qualityReviewId), "raiseAction"),
  });
}
export async function respondToQualityAction(_: Prev, form: FormData) {
  return runAction(qualityActions.respondToQualityAction, form, {
    revalidate: actionPages,
    redirect: (a) => doneAt(qualityActions.qualityActionLink(a), "respond"),
  });
}
export async function closeQualityAction(_: Prev, form: FormData) {
  return runAction(qualityActions.closeQualityAction, form, {
    revalidate: actionPages,
    redirect: (a) => doneAt(qualityActions.qualityActionLink(a), "close"),
  });
}
export async function reopenQualityAction(_: Prev, form: FormData) {
  return runAction(qualityActions.reopenQualityAction, form, {
    revalidate: actionPages,
    redirect: (a) => doneAt(qualityActions.qualityActionLink(a), "reopen"),
  });
}
