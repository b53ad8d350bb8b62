"use server";
import { runAction } from "@/lib/actions";
import * as riskRules from "@/lib/data/risk-rules";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const PAGE = "/admin/risk-rules";

export async function publishRiskRuleSet(_prev: Prev, form: FormData) {
  return runAction(riskRules.publishRiskRuleSet, form, {
    revalidate: () => [PAGE, "/delivery-plans/risk-rules"],
    redirect: () => `${PAGE}?done=published`,
  });
}
