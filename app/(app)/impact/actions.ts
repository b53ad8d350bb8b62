"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as evaluations from "@/lib/data/evaluations";
import { IMPACT_FIGURES_TAG } from "@/lib/data/impact-figures";
import * as impactReturns from "@/lib/data/impact-returns";
import { fieldText } from "@/lib/form";
import type { ActionResult } from "@/lib/result";

// Every impact form posts here; each action is one command plus the pages it changes.

type Prev = ActionResult | null;
const formId = (form: FormData) => fieldText(form, "id");
const FIGURE_PAGES = ["/impact", "/impact/portfolio", "/dashboard"];
const returnPages = (id: string) => () => [impactReturns.impactReturnLink(id), ...FIGURE_PAGES];

export async function createImpactReturn(_: Prev, form: FormData) {
  return runAction(impactReturns.createImpactReturn, form, {
    revalidate: () => FIGURE_PAGES,
    redirect: (r) => doneAt(impactReturns.impactReturnLink(r.id), "created"),
  });
}
export async function editImpactReturn(_: Prev, form: FormData) {
  return runAction(impactReturns.editImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturns.impactReturnLink(r.id), "edit"),
  });
}
export async function submitImpactReturn(_: Prev, form: FormData) {
  return runAction(impactReturns.submitImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturns.impactReturnLink(r.id), "submit"),
  });
}
export async function queryImpactReturn(_: Prev, form: FormData) {
  return runAction(impactReturns.queryImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    redirect: (r) => doneAt(impactReturns.impactReturnLink(r.id), "query"),
  });
}
export async function acceptImpactReturn(_: Prev, form: FormData) {
  // Only an accepted return counts in the figures, so only accepting one changes them.
  return runAction(impactReturns.acceptImpactReturn, form, {
    revalidate: returnPages(formId(form)),
    tags: () => [IMPACT_FIGURES_TAG],
    redirect: (r) => doneAt(impactReturns.impactReturnLink(r.id), "accept"),
  });
}
export async function recordEvaluation(_: Prev, form: FormData) {
  const credentialId = fieldText(form, "credentialId");
  return runAction(evaluations.recordEvaluation, form, {
    revalidate: () => (credentialId ? `/impact/credentials/${credentialId}` : "/impact/portfolio"),
    message: "Evaluation recorded.",
  });
}
