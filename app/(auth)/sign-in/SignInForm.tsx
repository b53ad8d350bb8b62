"use client";
import { useActionState } from "react";
import { signIn } from "./actions";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { TextInput } from "@/components/ui/Field";
import { fieldError, submitted, type ActionResult } from "@/lib/result";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(signIn, null);
  return (
    <form action={action} noValidate className="space-y-6">
      <ErrorSummary
        errors={state && !state.ok ? state.fieldErrors : undefined}
        message={state && !state.ok && !state.fieldErrors ? state.message : undefined}
      />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextInput
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={submitted(state, "email")}
        error={fieldError(state, "email")}
      />
      <TextInput name="password" label="Password" type="password" autoComplete="current-password" error={fieldError(state, "password")} />
      <Button disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
    </form>
  );
}
