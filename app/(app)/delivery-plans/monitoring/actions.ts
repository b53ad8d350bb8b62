"use server";
import { doneAt, runAction } from "@/lib/actions";
import { planLink } from "@/lib/data/delivery-plans";
import * as monitoring from "@/lib/data/enhanced-monitoring";
import * as risks from "@/lib/data/plan-risks";
import type { ActionResult } from "@/lib/result";

// A plan's risk rating and enhanced monitoring: each change returns staff to the plan's page, which says what was done.

type Prev = ActionResult | null;
const after = {
  revalidate: (r: { planId: string }) => [planLink(r.planId), "/delivery-plans", "/dashboard"],
  redirect: (r: { planId: string; transition: string }) => doneAt(planLink(r.planId), r.transition),
};

export async function ratePlan(_prev: Prev, form: FormData) {
  return runAction(risks.ratePlanNow, form, after);
}

export async function overrideRisk(_prev: Prev, form: FormData) {
  return runAction(risks.overridePlanRisk, form, after);
}

export async function clearRiskOverride(_prev: Prev, form: FormData) {
  return runAction(risks.clearPlanRiskOverride, form, after);
}

export async function placeUnderEnhancedMonitoring(_prev: Prev, form: FormData) {
  return runAction(monitoring.placeUnderEnhancedMonitoring, form, after);
}

export async function liftEnhancedMonitoring(_prev: Prev, form: FormData) {
  return runAction(monitoring.liftEnhancedMonitoring, form, after);
}
