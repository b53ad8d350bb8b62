"use server";
import { doneAt, runAction } from "@/lib/actions";
import { planLink } from "@/lib/data/delivery-plans";
import { remappingLink } from "@/lib/data/remapping";
import { approveRemapping, returnRemapping, saveRemapping } from "@/lib/data/remapping-commands";
import type { ActionResult } from "@/lib/result";

// Each change returns the person to the task's page, which says what was done (`?done=<transition>`).

type Prev = ActionResult | null;
const after = {
  revalidate: (r: { id: string; planId: string; credentialId: string }) => [
    remappingLink(r.id),
    planLink(r.planId),
    `/credentials/${r.credentialId}`,
    "/delivery-plans",
    "/dashboard",
  ],
  redirect: (r: { id: string; transition: string }) => doneAt(remappingLink(r.id), r.transition),
};

export async function saveRemappingAction(_prev: Prev, form: FormData) {
  return runAction(saveRemapping, form, after);
}

export async function approveRemappingAction(_prev: Prev, form: FormData) {
  return runAction(approveRemapping, form, after);
}

export async function returnRemappingAction(_prev: Prev, form: FormData) {
  return runAction(returnRemapping, form, after);
}
