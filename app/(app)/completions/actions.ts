"use server";
import { runAction } from "@/lib/actions";
import { completionLink, recogniseCompletion, recordCompletion, revokeCompletion } from "@/lib/data/completions";
import type { ActionResult } from "@/lib/result";

// Each change takes the user to the completion's page, which says what was done (`?done=<transition>`).

type Prev = ActionResult | null;
type Changed = { id: string; transition: string };

const pages = ({ id }: { id: string }) => ["/completions", completionLink(id), "/dashboard"];
const toCompletion = { revalidate: pages, redirect: ({ id, transition }: Changed) => `${completionLink(id)}?done=${transition}` };

export async function recordCompletionAction(_prev: Prev, form: FormData) {
  return runAction(recordCompletion, form, toCompletion);
}

export async function recogniseCompletionAction(_prev: Prev, form: FormData) {
  return runAction(recogniseCompletion, form, toCompletion);
}

export async function revokeCompletionAction(_prev: Prev, form: FormData) {
  return runAction(revokeCompletion, form, toCompletion);
}
