"use server";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/authenticate";
import { endSession, startSession } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/data/command";
import type { ActionResult } from "@/lib/result";
import { signInSchema } from "@/lib/validation/auth";

const WRONG = "The email address or password is not correct.";

/**
 * Only same-site paths are followed after sign-in (no open redirects). Browsers read "\" as "/" and drop tabs and
 * newlines, so "/\host" and "/<tab>/host" would leave the site just as "//host" does.
 */
function safeCallback(url: string | undefined) {
  return url && /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(url) ? url : "/dashboard";
}

export async function signIn(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const email = String(form.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: form.get("password") ?? "", callbackUrl: form.get("callbackUrl") ?? undefined });
  if (!parsed.success) {
    return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields and try again.", fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  }
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) {
    // One message for both parts, so it does not reveal which e-mail addresses have accounts.
    return { ok: false, code: "UNAUTHENTICATED", message: WRONG, fieldErrors: { email: [WRONG] }, values: { email } };
  }
  await startSession(user);
  redirect(safeCallback(parsed.data.callbackUrl));
}

export async function signOut() {
  await endSession();
  redirect("/sign-in?signedOut=1");
}
