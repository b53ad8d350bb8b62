"use server";
import { backToRecord, runAction } from "@/lib/actions";
import * as completions from "@/lib/data/completions";
import * as practitioners from "@/lib/data/practitioners";
import { DIRECTORY_TAG } from "@/lib/data/practitioners";
import type { ActionResult } from "@/lib/result";

// Each change takes the user to the completion's page, which says what was done (`?done=<transition>`).

type Prev = ActionResult | null;
// The public directory lists consenting practitioners with a recognised completion, by name: recording one (which may
// rename a practitioner or change their consent), recognising, revoking and changing a listing all change it.
const toCompletion = { ...backToRecord("/completions", completions.completionLink), tags: () => [DIRECTORY_TAG] };

export async function recordCompletion(_prev: Prev, form: FormData) {
  return runAction(completions.recordCompletion, form, toCompletion);
}

export async function recogniseCompletion(_prev: Prev, form: FormData) {
  return runAction(completions.recogniseCompletion, form, toCompletion);
}

export async function revokeCompletion(_prev: Prev, form: FormData) {
  return runAction(completions.revokeCompletion, form, toCompletion);
}

export async function changeDirectoryListing(_prev: Prev, form: FormData) {
  return runAction(practitioners.changeDirectoryListing, form, toCompletion);
}
