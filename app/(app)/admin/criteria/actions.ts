"use server";
import { runAction } from "@/lib/actions";
import * as criteria from "@/lib/data/criteria-sets";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/criteria";
const page = (id: string) => `${LIST}/${id}`;
const after = (done: string) => ({
  revalidate: (s: { id: string }) => [LIST, page(s.id)],
  redirect: (s: { id: string }) => `${page(s.id)}?done=${done}`,
});

export async function draftCriteriaSet(_prev: Prev, form: FormData) {
  return runAction(criteria.draftCriteriaSet, form, after("drafted"));
}

export async function changeCriteriaSetDetails(_prev: Prev, form: FormData) {
  return runAction(criteria.changeCriteriaSetDetails, form, after("details"));
}

export async function addCriterion(_prev: Prev, form: FormData) {
  return runAction(criteria.addCriterion, form, after("added"));
}

export async function changeCriterion(_prev: Prev, form: FormData) {
  return runAction(criteria.changeCriterion, form, after("changed"));
}

export async function removeCriterion(_prev: Prev, form: FormData) {
  return runAction(criteria.removeCriterion, form, after("removed"));
}

export async function publishCriteriaSet(_prev: Prev, form: FormData) {
  return runAction(criteria.publishCriteriaSet, form, after("published"));
}
