"use server";
import { doneAt, runAction } from "@/lib/actions";
import { retryEmail } from "@/lib/data/email-outbox";
import type { ActionResult } from "@/lib/result";

export async function tryAgain(_prev: ActionResult | null, form: FormData) {
  return runAction(retryEmail, form, {
    revalidate: () => "/admin/emails",
    redirect: () => doneAt("/admin/emails", "retried"),
  });
}
