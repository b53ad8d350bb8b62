"use server";
import { runAction } from "@/lib/actions";
import * as appealWindows from "@/lib/data/appeal-windows";
import type { ActionResult } from "@/lib/result";

// The appeal window and the bank holidays its working days skip: Centre admins only.

type Prev = ActionResult | null;
const PAGE = "/admin/appeal-windows";
const after = (done: string) => ({ revalidate: () => PAGE, redirect: () => `${PAGE}?done=${done}` });

export async function publishAppealWindow(_prev: Prev, form: FormData) {
  return runAction(appealWindows.publishAppealWindow, form, after("published"));
}

export async function addBankHoliday(_prev: Prev, form: FormData) {
  return runAction(appealWindows.addBankHoliday, form, after("added"));
}

export async function removeBankHoliday(_prev: Prev, form: FormData) {
  return runAction(appealWindows.removeBankHoliday, form, after("removed"));
}
