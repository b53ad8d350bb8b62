"use server";
import { backToRecord, runAction } from "@/lib/actions";
import { completionLink, recogniseCompletion, recordCompletion, revokeCompletion } from "@/lib/data/completions";
import type { ActionResult } from "@/lib/result";

// Each change takes the user to the completion's page, which says what was done (`?done=<transition>`).

type Prev = ActionResult | null;
const toCompletion = backToRecord("/completions", completionLink);

export async function recordCompletionAction(_prev: Prev, form: FormData) {
  return runAction(recordCompletion, form, toCompletion);
}

export async function recogniseCompletionAction(_prev: Prev, form: FormData) {
  return runAction(recogniseCompletion, form, toCompletion);
}

export async function revokeCompletionAction(_prev: Prev, form: FormData) {
  return runAction(revokeCompletion, form, toCompletion);
}
