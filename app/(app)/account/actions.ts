"use server";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/actions";
import { endSession, startSession } from "@/lib/auth/session";
import * as account from "@/lib/data/account";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;

/** Every session ends with the change; this browser gets a new one, so only the person who changed it stays signed in. */
export async function changePassword(_prev: Prev, form: FormData) {
  const result = await runAction(account.changePassword, form);
  if (!result.ok || !result.data) return result;
  await startSession({ id: result.data.id });
  redirect("/account?done=password");
}

export async function signOutEverywhere(_prev: Prev, form: FormData) {
  const result = await runAction(account.signOutEverywhere, form);
  if (!result.ok) return result;
  await endSession();
  redirect("/sign-in?signedOut=everywhere");
}
