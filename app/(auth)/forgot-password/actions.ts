"use server";
import { redirect } from "next/navigation";
import { throttledMessage } from "@/lib/auth/sign-in";
import { requestPasswordReset } from "@/lib/data/account";
import { AppError } from "@/lib/errors";
import { fieldText } from "@/lib/form";
import type { ActionResult } from "@/lib/result";
import { clientAddress } from "@/lib/security/client-address";

export async function requestReset(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const email = fieldText(form, "email");
  try {
    const outcome = await requestPasswordReset({ email }, await clientAddress());
    if (!outcome.ok) return { ok: false, code: "TOO_MANY_ATTEMPTS", message: throttledMessage(outcome.throttled), values: { email } };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors, values: { email } };
    throw err;
  }
  // The same page whether or not the address has an account.
  redirect("/forgot-password?sent=1");
}
