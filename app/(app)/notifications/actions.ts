"use server";
import { doneAt, runAction } from "@/lib/actions";
import { markNotificationsRead } from "@/lib/data/notifications";
import type { ActionResult } from "@/lib/result";

export async function markRead(_prev: ActionResult | null, form: FormData) {
  return runAction(markNotificationsRead, form, {
    revalidate: () => ["/notifications", "/dashboard"],
    redirect: () => doneAt("/notifications", "read"),
  });
}
