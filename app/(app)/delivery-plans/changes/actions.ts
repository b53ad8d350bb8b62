"use server";
import { doneAt, runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { answerPlanChange, reportPlanChange, triagePlanChange } from "@/lib/data/plan-change-commands";
import { planLink } from "@/lib/data/delivery-plans";
import { PLAN_CHANGES_LIST, planChangeLink } from "@/lib/data/plan-changes";
import type { ActionResult } from "@/lib/result";

// Each change returns the person to the change's page, which says what was done (`?done=<transition>`).

type Prev = ActionResult | null;
const after = {
  revalidate: (r: { id: string; planId: string }) => [
    PLAN_CHANGES_LIST,
    planChangeLink(r.id),
    planLink(r.planId),
    "/delivery-plans",
    "/dashboard",
  ],
  redirect: (r: { id: string; transition: string }) => doneAt(planChangeLink(r.id), r.transition),
};

export async function reportChange(_prev: Prev, form: FormData) {
  return runAction(reportPlanChange, form, after);
}

export async function triageChange(_prev: Prev, form: FormData) {
  // A plan sent back to review leaves the providers listed on its credential's public entry.
  return runAction(triagePlanChange, form, {
    ...after,
    tags: (r: { transition: string }) => (r.transition === "requireReview" ? [CATALOGUE_TAG] : []),
  });
}

export async function answerChange(_prev: Prev, form: FormData) {
  return runAction(answerPlanChange, form, after);
}
