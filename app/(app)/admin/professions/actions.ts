"use server";
import { runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { IMPACT_FIGURES_TAG } from "@/lib/data/impact-figures";
import * as practitioners from "@/lib/data/practitioners";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/professions";
// The catalogue names the professions its credentials are for, and filters by them; impact figures are totalled by them.
const named = () => [CATALOGUE_TAG, IMPACT_FIGURES_TAG];

export async function createProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.createProfession, form, { revalidate: () => LIST, redirect: () => `${LIST}?done=created` });
}

export async function renameProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.renameProfession, form, {
    revalidate: (p) => [LIST, `${LIST}/${p.id}`],
    tags: named,
    redirect: () => `${LIST}?done=renamed`,
  });
}

export async function retireProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.retireProfession, form, {
    revalidate: (p) => [LIST, `${LIST}/${p.id}`],
    redirect: () => `${LIST}?done=changed`,
  });
}
