"use server";
import { runAction } from "@/lib/actions";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import * as organisations from "@/lib/data/organisations";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/organisations";

export async function createOrganisation(_prev: Prev, form: FormData) {
  return runAction(organisations.createOrganisation, form, { revalidate: () => LIST, redirect: () => `${LIST}?done=created` });
}

export async function renameOrganisation(_prev: Prev, form: FormData) {
  return runAction(organisations.renameOrganisation, form, {
    revalidate: (o) => [LIST, `${LIST}/${o.id}`],
    // The public catalogue names expert groups and providers.
    tags: () => [CATALOGUE_TAG],
    redirect: () => `${LIST}?done=renamed`,
  });
}
