"use server";
import { redirect } from "next/navigation";
import { endSession, startSession } from "@/lib/auth/session";
import { attemptSignIn, throttledMessage } from "@/lib/auth/sign-in";
import { fieldErrorsOf } from "@/lib/data/command";
import { asForm, fieldText } from "@/lib/form";
import type { ActionResult } from "@/lib/result";
import { safeCallbackUrl } from "@/lib/security/callback-url";
import { clientAddress } from "@/lib/security/client-address";
import { signInSchema } from "@/lib/validation/auth";

const WRONG = "The email address or password is not correct.";

export async function signIn(_prev: ActionResult | null, sent: FormData): Promise<ActionResult> {
  const form = asForm(sent);
  const email = fieldText(form, "email");
  const parsed = signInSchema.safeParse({ email, password: form.get("password") ?? "", callbackUrl: form.get("callbackUrl") ?? undefined });
  if (!parsed.success) {
    return {
      ok: false,
      code: "INVALID_INPUT",
      message: "Check the highlighted fields and try again.",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: { email },
    };
  }
  const outcome = await attemptSignIn(parsed.data.email, parsed.data.password, await clientAddress());
  if (!outcome.ok) {
    // While throttled the password was not even checked, so waiting is the only way on.
    if (outcome.throttled) return { ok: false, code: "TOO_MANY_ATTEMPTS", message: throttledMessage(outcome.throttled), values: { email } };
    // One message for both parts, so it does not reveal which e-mail addresses have accounts.
    return { ok: false, code: "UNAUTHENTICATED", message: WRONG, fieldErrors: { email: [WRONG] }, values: { email } };
  }
  await startSession(outcome.user);
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
}

export async function signOut() {
  await endSession();
  redirect("/sign-in?signedOut=1");
}
