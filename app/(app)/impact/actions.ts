"use server";
import { doneAt, runAction } from "@/lib/actions";
import { recordEvaluation } from "@/lib/data/evaluations";
import {
  acceptImpactReturn,
  createImpactReturn,
  editImpactReturn,
  impactReturnLink,
  queryImpactReturn,
  submitImpactReturn,
} from "@/lib/data/impact-returns";
import type { ActionResult } from "@/lib/result";

// Every impact form posts here; each action is one command plus the pages it changes.

type Prev = ActionResult | null;
const formId = (form: FormData) => String(form.get("id") ?? "");
const FIGURE_PAGES = ["/impact", "/impact/portfolio", "/dashboard"];
const returnPages = (id: string) => () => [impactReturnLink(id), ...FIGURE_PAGES];

export async function createImpactReturnAction(_: Prev, form: FormData) {
  return runAction(createImpactReturn, form, {
    revalidate: () => FIGURE_PAGES,
    redirect: (r) => doneAt(impactReturnLink(r.id), "created"),
  });
}
export async function editImpactReturnAction(_: Prev, form: FormData) {
  return runAction(editImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturnLink(r.id), "edit"),
  });
}
export async function submitImpactReturnAction(_: Prev, form: FormData) {
  return runAction(submitImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturnLink(r.id), "submit"),
  });
}
export async function queryImpactReturnAction(_: Prev, form: FormData) {
  return runAction(queryImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturnLink(r.id), "query"),
  });
}
export async function acceptImpactReturnAction(_: Prev, form: FormData) {
  return runAction(acceptImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturnLink(r.id), "accept"),
  });
}
export async function recordEvaluationAction(_: Prev, form: FormData) {
  const credentialId = String(form.get("credentialId") ?? "");
  return runAction(recordEvaluation, form, {
    revalidate: () => (credentialId ? `/impact/credentials/${credentialId}` : "/impact/portfolio"),
    message: "Evaluation recorded.",
  });
}
