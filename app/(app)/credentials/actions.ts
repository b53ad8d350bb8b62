"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as pilots from "@/lib/data/pilots";
import type { ActionResult } from "@/lib/result";

/** Phase 1 goes to the specification editor (staff enter the completed resource); phase 2 to the credential. */
export async function registerPilotCredential(_prev: ActionResult | null, form: FormData) {
  return runAction(pilots.registerPilotCredential, form, {
    revalidate: () => "/credentials",
    redirect: (c) => (c.origin === "PILOT_PHASE_1" ? `/credentials/${c.id}/versions/1/edit` : doneAt(`/credentials/${c.id}`, "registered")),
  });
}
