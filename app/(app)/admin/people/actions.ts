"use server";
import { runAction } from "@/lib/actions";
import * as people from "@/lib/data/people";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/admin/people";
const page = (id: string) => `${LIST}/${id}`;
const after = (done: string) => ({
  revalidate: (p: { id: string }) => [LIST, page(p.id)],
  redirect: (p: { id: string }) => `${page(p.id)}?done=${done}`,
});

export async function invitePerson(_prev: Prev, form: FormData) {
  return runAction(people.invitePerson, form, after("invited"));
}

export async function resendInvitation(_prev: Prev, form: FormData) {
  return runAction(people.resendInvitation, form, after("resent"));
}

export async function changePerson(_prev: Prev, form: FormData) {
  return runAction(people.changePerson, form, {
    revalidate: (p) => [LIST, page(p.id)],
    redirect: (p) => `${page(p.id)}?done=${p.changed ? "changed" : "unchanged"}`,
  });
}

export async function changeReviewerExpertise(_prev: Prev, form: FormData) {
  return runAction(people.changeReviewerExpertise, form, {
    revalidate: (p) => [LIST, page(p.id)],
    redirect: (p) => `${page(p.id)}?done=${p.changed ? "expertise" : "unchanged-expertise"}`,
  });
}

export async function deactivatePerson(_prev: Prev, form: FormData) {
  return runAction(people.deactivatePerson, form, after("deactivated"));
}

export async function reactivatePerson(_prev: Prev, form: FormData) {
  return runAction(people.reactivatePerson, form, after("reactivated"));
}
