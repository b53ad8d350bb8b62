"use server";
import { runAction } from "@/lib/actions";
import * as framework from "@/lib/data/capability-mapping";
import type { ActionResult } from "@/lib/result";

export async function updateCoreCapability(_prev: ActionResult | null, form: FormData) {
  return runAction(framework.updateCoreCapability, form, {
    revalidate: (c) => ["/admin/framework", `/admin/framework/${c.editionId}`, `/admin/framework/${c.editionId}/${c.id}`],
    message: "The capability summary has been saved.",
  });
}
