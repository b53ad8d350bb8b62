"use server";
import { runAction } from "@/lib/actions";
import * as pilotLearning from "@/lib/data/pilot-learning";
import type { ActionResult } from "@/lib/result";

export async function recordProcessFeedback(_prev: ActionResult | null, form: FormData) {
  return runAction(pilotLearning.recordProcessFeedback, form, {
    revalidate: () => "/pilot-learning",
    message: "Thank you. Your feedback has been recorded.",
  });
}
