"use server";
import { doneAt, runAction } from "@/lib/actions";
import { acceptAnnualReturn, annualReturnLink, queryAnnualReturn, submitAnnualReturn } from "@/lib/data/annual-returns";
import {
  closeQualityAction,
  qualityActionLink,
  raiseQualityAction,
  reopenQualityAction,
  respondToQualityAction,
} from "@/lib/data/quality-actions";
import {
  closeQualityReview,
  qualityReviewLink,
  recordFinding,
  reportQualityReview,
  scheduleQualityReview,
  startQualityReview,
  suspendPlanAfterReview,
} from "@/lib/data/quality-reviews";
import type { ActionResult } from "@/lib/result";

// Every quality form posts here; each action is one command plus the pages it changes.

type Prev = ActionResult | null;
const LIST = "/quality-reviews";
const formId = (form: FormData) => String(form.get("id") ?? "");
const reviewFrom = (form: FormData) => String(form.get("reviewId") ?? "");

/** The review page (and the list) after a change to the review or one of its actions. */
const reviewPages = (reviewId: string) => () => [qualityReviewLink(reviewId), LIST, "/dashboard"];
const returnPages = (id: string) => () => [annualReturnLink(id), LIST, "/dashboard"];
/** An action's own page as well as its review's. */
const actionPages = (form: FormData) => () => [
  ...reviewPages(reviewFrom(form))(),
  `${qualityReviewLink(reviewFrom(form))}/actions/${formId(form)}`,
];

export async function submitAnnualReturnAction(_: Prev, form: FormData) {
  return runAction(submitAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturnLink(r.id), "submit"),
  });
}
export async function queryAnnualReturnAction(_: Prev, form: FormData) {
  return runAction(queryAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturnLink(r.id), "query"),
  });
}
export async function acceptAnnualReturnAction(_: Prev, form: FormData) {
  return runAction(acceptAnnualReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(annualReturnLink(r.id), "accept"),
  });
}

export async function scheduleQualityReviewAction(_: Prev, form: FormData) {
  return runAction(scheduleQualityReview, form, {
    revalidate: () => [LIST, "/dashboard"],
    redirect: (r) => doneAt(qualityReviewLink(r.id), "created"),
  });
}
export async function startQualityReviewAction(_: Prev, form: FormData) {
  return runAction(startQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviewLink(r.id), "start"),
  });
}
export async function reportQualityReviewAction(_: Prev, form: FormData) {
  return runAction(reportQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviewLink(r.id), "report"),
  });
}
export async function closeQualityReviewAction(_: Prev, form: FormData) {
  return runAction(closeQualityReview, form, {
    revalidate: reviewPages(formId(form)),
    redirect: (r) => doneAt(qualityReviewLink(r.id), "close"),
  });
}
export async function suspendPlanAction(_: Prev, form: FormData) {
  return runAction(suspendPlanAfterReview, form, {
    revalidate: () => [qualityReviewLink(formId(form)), "/delivery-plans", "/dashboard"],
    redirect: (r) => doneAt(qualityReviewLink(r.reviewId), "suspendPlan"),
  });
}
export async function recordFindingAction(_: Prev, form: FormData) {
  return runAction(recordFinding, form, {
    revalidate: reviewPages(formId(form)),
    redirect: () => doneAt(qualityReviewLink(formId(form)), "recordFinding"),
  });
}
export async function raiseQualityActionAction(_: Prev, form: FormData) {
  return runAction(raiseQualityAction, form, {
    revalidate: reviewPages(reviewFrom(form)),
    redirect: () => doneAt(qualityReviewLink(reviewFrom(form)), "raiseAction"),
  });
}
export async function respondToQualityActionAction(_: Prev, form: FormData) {
  return runAction(respondToQualityAction, form, {
    revalidate: actionPages(form),
    redirect: (a) => doneAt(qualityActionLink({ id: a.id, qualityReviewId: reviewFrom(form) }), "respond"),
  });
}
export async function closeQualityActionAction(_: Prev, form: FormData) {
  return runAction(closeQualityAction, form, {
    revalidate: actionPages(form),
    redirect: (a) => doneAt(qualityActionLink({ id: a.id, qualityReviewId: reviewFrom(form) }), "close"),
  });
}
export async function reopenQualityActionAction(_: Prev, form: FormData) {
  return runAction(reopenQualityAction, form, {
    revalidate: actionPages(form),
    redirect: (a) => doneAt(qualityActionLink({ id: a.id, qualityReviewId: reviewFrom(form) }), "reopen"),
  });
}
