"use server";
import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/session";
import { acceptInvitation as accept, resetPassword as reset, type LinkOutcome } from "@/lib/data/account";
import { AppError } from "@/lib/errors";
import { asForm, fieldText, formToInput } from "@/lib/form";
import type { ActionResult } from "@/lib/result";

// The e-mailed links set a password without a session, so these actions do not go through runAction; the token in
// the form is the authority, checked and used once in the same transaction as the change.

async function viaLink(apply: (input: unknown) => Promise<LinkOutcome>, form: FormData, path: string): Promise<ActionResult> {
  let outcome: LinkOutcome;
  try {
    // Inside the try: a form with too many fields is refused with a form error, as any other bad input.
    outcome = await apply(formToInput(asForm(form)));
  } catch (err) {
    if (err instanceof AppError)
      return {
        ok: false,
        code: err.code,
        message: err.message,
        fieldErrors: err.fieldErrors,
        values: { name: fieldText(form, "name") },
      };
    throw err;
  }
  // A link used or expired meanwhile: its page says so and what to do.
  if (!outcome.ok) redirect(`${path}/${encodeURIComponent(fieldText(form, "token"))}`);
  await startSession(outcome.user);
  redirect("/dashboard");
}

export async function acceptInvitation(_prev: ActionResult | null, form: FormData) {
  return viaLink((input) => accept(input), form, "/invitations");
}

export async function resetPassword(_prev: ActionResult | null, form: FormData) {
  return viaLink((input) => reset(input), form, "/reset-password");
}
