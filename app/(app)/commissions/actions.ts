"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as commissions from "@/lib/data/commissions";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/commissions";
const page = (id: string) => `/commissions/${id}`;
// The expert group's dashboard counts issued commissions.
const affected = (r: { id: string }) => [LIST, page(r.id), "/dashboard"];

export async function createCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.createCommission, form, {
    revalidate: (c) => [LIST, `/priorities/${c.priorityId}`],
    redirect: (c) => doneAt(page(c.id), "created"),
  });
}

export async function issueCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.issueCommission, form, { revalidate: affected, redirect: (r) => doneAt(page(r.id), "issue") });
}

export async function cancelCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.cancelCommission, form, { revalidate: affected, redirect: (r) => doneAt(page(r.id), "cancel") });
}

export async function acceptCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.acceptCommission, form, {
    revalidate: (r) => [...affected(r), "/credentials"],
    redirect: (r) => doneAt(`/credentials/${r.credentialId}`, "commissionAccepted"),
  });
}

export async function declineCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.declineCommission, form, { revalidate: affected, redirect: (r) => doneAt(page(r.id), "decline") });
}
