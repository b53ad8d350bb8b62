import "server-only";
import { revalidatePath, updateTag } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { actingUser } from "@/lib/auth/session";
import type { Command } from "@/lib/data/command";
import { LIST_TOTALS_TAG } from "@/lib/data/totals";
import { AppError, UNEXPECTED_MESSAGE } from "@/lib/errors";
import { asForm, formToInput, formToken, formValues } from "@/lib/form";
import type { ActionResult } from "@/lib/result";

type After<T> = {
  /** Paths whose cached pages show the changed data. */
  revalidate?: (data: T) => string | string[];
  /**
   * Cache tags of cached reads that show the changed data (the public catalogue's): expired at once, after the
   * command committed, so the next read — this user's redirect included — is fresh.
   */
  tags?: (data: T) => string[];
  /** Where to go on success (a new record's page, say). */
  redirect?: (data: T) => string;
  /** The confirmation shown by the form's button; none when the page confirms the change elsewhere. */
  message?: string | ((data: T) => string | undefined);
};

/**
 * The one path from a form to a command: the signed-in user, the form as structured input,
 * the command (zod → scoped load → state machine → conditional update + audit, in one
 * transaction), then revalidation. Errors come back as a result that keeps what was typed;
 * an unexpected one is logged here and shown as a generic message, never a stack trace.
 * The form's token (see ActionForm) makes a repeated submission return the first result.
 */
export async function runAction<T>(command: Command<T>, sent: FormData, after: After<T> = {}): Promise<ActionResult<T>> {
  const form = asForm(sent);
  let data: T;
  try {
    const user = await actingUser();
    data = await command(user, formToInput(form), { submission: formToken(form) });
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors, values: typedValues(form) };
    }
    // Next's own control flow (redirect, not found) passes through untouched.
    unstable_rethrow(err);
    console.error("Unexpected error in a form action", err);
    return { ok: false, code: "UNEXPECTED", message: UNEXPECTED_MESSAGE, values: typedValues(form) };
  }
  const paths = after.revalidate?.(data);
  for (const path of Array.isArray(paths) ? paths : paths ? [paths] : []) revalidatePath(path);
  for (const tag of after.tags?.(data) ?? []) updateTag(tag);
  // Any change may move a list's total; totals are cheap to count again, so every change expires them all.
  updateTag(LIST_TOTALS_TAG);
  if (after.redirect) redirect(after.redirect(data));
  return { ok: true, data, message: typeof after.message === "function" ? after.message(data) : after.message };
}

/** What was typed, to give back to the form; passwords are never sent back to the browser. */
const typedValues = (form: FormData) => Object.fromEntries(Object.entries(formValues(form)).filter(([key]) => !/password/i.test(key)));

/** A record's page after a change: it shows the success banner for `done` (`lib/done.ts`). */
export const doneAt = (path: string, done: string) => `${path}?done=${done}`;

/**
 * After a change to a record: refresh its list, its page and the dashboard, then show its page,
 * which says what was done (`?done=<transition>`).
 */
export function backToRecord(listPath: string, link: (id: string) => string) {
  return {
    revalidate: ({ id }: { id: string }) => [listPath, link(id), "/dashboard"],
    redirect: ({ id, transition }: { id: string; transition: string }) => doneAt(link(id), transition),
  };
}
