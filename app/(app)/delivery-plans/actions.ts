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
import { planLink } from "@/lib/data/delivery-plans";
import { openAnnualReturnNow } from "@/lib/data/open-early";
import type { ActionResult } from "@/lib/result";

// A change of state takes the user back to the plan, which says what was done (`?done=<transition>`): the form
// they used is gone from the page once its transition no longer applies.

type Prev = ActionResult | null;
const backToPlan = backToRecord("/delivery-plans", planLink);
const pages = backToPlan.revalidate;

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
  return runAction(decideDeliveryPlan, form, backToPlan);
}

export async function suspendPlan(_prev: Prev, form: FormData) {
  return runAction(suspendDeliveryPlan, form, backToPlan);
}

export async function reinstatePlan(_prev: Prev, form: FormData) {
  return runAction(reinstateDeliveryPlan, form, backToPlan);
}

export async function closePlan(_prev: Prev, form: FormData) {
  return runAction(closeDeliveryPlan, form, backToPlan);
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
