"use server";
import { runAction } from "@/lib/actions";
import * as practitioners from "@/lib/data/practitioners";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/professions";

export async function createProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.createProfession, form, { revalidate: () => LIST, redirect: () => `${LIST}?done=created` });
}

export async function renameProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.renameProfession, form, {
    revalidate: (p) => [LIST, `${LIST}/${p.id}`],
    redirect: () => `${LIST}?done=renamed`,
  });
}

export async function retireProfession(_prev: Prev, form: FormData) {
  return runAction(practitioners.retireProfession, form, {
    revalidate: (p) => [LIST, `${LIST}/${p.id}`],
    redirect: () => `${LIST}?done=changed`,
  });
}
