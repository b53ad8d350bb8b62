"use server";
import { runAction } from "@/lib/actions";
import { saveNotificationPreferences } from "@/lib/data/notification-preferences";
import type { ActionResult } from "@/lib/result";

export async function savePreferences(_prev: ActionResult | null, form: FormData) {
  return runAction(saveNotificationPreferences, form, {
    revalidate: () => "/account/notifications",
    message: "Your e-mail choices are saved.",
  });
}
