"use server";
import { doneAt, runAction } from "@/lib/actions";
import { planLink } from "@/lib/data/delivery-plans";
import * as monitoring from "@/lib/data/enhanced-monitoring";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const after = {
  revalidate: (r: { id: string; planId: string }) => [monitoring.monitoringReportLink(r.id), planLink(r.planId), "/dashboard"],
  redirect: (r: { id: string; transition: string }) => doneAt(monitoring.monitoringReportLink(r.id), r.transition),
};

export async function submitMonitoringReport(_prev: Prev, form: FormData) {
  return runAction(monitoring.submitMonitoringReport, form, after);
}

export async function acceptMonitoringReport(_prev: Prev, form: FormData) {
  return runAction(monitoring.acceptMonitoringReport, form, after);
}

export async function queryMonitoringReport(_prev: Prev, form: FormData) {
  return runAction(monitoring.queryMonitoringReport, form, after);
}
