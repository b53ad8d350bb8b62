"use server";
import { runAction } from "@/lib/actions";
import * as people from "@/lib/data/people";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/organisations";

export async function createOrganisation(_prev: Prev, form: FormData) {
  return runAction(people.createOrganisation, form, { revalidate: () => LIST, redirect: () => `${LIST}?done=created` });
}

export async function renameOrganisation(_prev: Prev, form: FormData) {
  return runAction(people.renameOrganisation, form, {
    revalidate: (o) => [LIST, `${LIST}/${o.id}`],
    redirect: () => `${LIST}?done=renamed`,
  });
}
