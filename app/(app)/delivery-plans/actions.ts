"use server";
import { backToRecord, doneAt, runAction } from "@/lib/actions";
import {
  closeDeliveryPlan,
  commentOnDeliveryPlan,
  decideDeliveryPlan,
  reinstateDeliveryPlan,
  saveDeliveryPlan,
  startDeliveryPlan,
  startPlanReview,
  submitDeliveryPlan,
  suspendDeliveryPlan,
} from "@/lib/data/delivery-plan-commands";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { planLink } from "@/lib/data/delivery-plans";
import { openAnnualReturnNow } from "@/lib/data/open-early";
import type { ActionResult } from "@/lib/result";

// A change of state takes the user back to the plan, which says what was done (`?done=<transition>`): the form
// they used is gone from the page once its transition no longer applies.

type Prev = ActionResult | null;
const backToPlan = backToRecord("/delivery-plans", planLink);
const pages = backToPlan.revalidate;
/** Approving, suspending, reinstating or closing a plan changes the providers listed on the credential's public entry. */
const listedProviders = { ...backToPlan, tags: () => [CATALOGUE_TAG] };

export async function startPlan(_prev: Prev, form: FormData) {
  return runAction(startDeliveryPlan, form, { revalidate: pages, redirect: ({ id }) => `${planLink(id)}/edit` });
}

export async function savePlan(_prev: Prev, form: FormData) {
  return runAction(saveDeliveryPlan, form, backToPlan);
}

export async function submitPlan(_prev: Prev, form: FormData) {
  return runAction(submitDeliveryPlan, form, backToPlan);
}

export async function startReview(_prev: Prev, form: FormData) {
  return runAction(startPlanReview, form, backToPlan);
}

export async function decidePlan(_prev: Prev, form: FormData) {
  return runAction(decideDeliveryPlan, form, listedProviders);
}

export async function suspendPlan(_prev: Prev, form: FormData) {
  return runAction(suspendDeliveryPlan, form, listedProviders);
}

export async function reinstatePlan(_prev: Prev, form: FormData) {
  return runAction(reinstateDeliveryPlan, form, listedProviders);
}

export async function closePlan(_prev: Prev, form: FormData) {
  return runAction(closeDeliveryPlan, form, listedProviders);
}

export async function commentOnPlan(_prev: Prev, form: FormData) {
  return runAction(commentOnDeliveryPlan, form, { revalidate: pages, message: "Comment added." });
}

export async function openAnnualReturn(_prev: Prev, form: FormData) {
  return runAction(openAnnualReturnNow, form, {
    revalidate: () => ["/quality-reviews", "/delivery-plans"],
    redirect: (r) => doneAt(`/quality-reviews/annual-returns/${r.returnId}`, "opened"),
  });
}
