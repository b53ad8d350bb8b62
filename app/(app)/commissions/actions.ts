"use server";
import { runAction } from "@/lib/actions";
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
    redirect: (c) => page(c.id),
  });
}

export async function issueCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.issueCommission, form, { revalidate: affected, message: "Commission issued." });
}

export async function cancelCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.cancelCommission, form, { revalidate: affected, message: "Commission cancelled." });
}

export async function acceptCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.acceptCommission, form, {
    revalidate: (r) => [...affected(r), "/credentials"],
    redirect: (r) => `/credentials/${r.credentialId}`,
  });
}

export async function declineCommission(_prev: Prev, form: FormData) {
  return runAction(commissions.declineCommission, form, { revalidate: affected, message: "Commission declined." });
}
