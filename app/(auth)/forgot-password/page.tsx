import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/accounts/AuthPage";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { currentUser } from "@/lib/auth/session";
import { requestReset } from "./actions";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  if (await currentUser()) redirect("/account");
  const { sent } = await searchParams;
  if (sent) {
    return (
      <AuthPage>
        <h1 className="mb-6 text-3xl font-bold md:text-4xl">Check your e-mail</h1>
        <p className="mb-4">
          If an account exists for that e-mail address, we have sent it a link to reset the password. The link works once, for 1 hour.
        </p>
        <p className="mb-4">
          If nothing arrives within a few minutes, check your junk mail, or <Link href="/forgot-password">try again</Link>.
        </p>
        <p>
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage>
      <h1 className="mb-6 text-3xl font-bold md:text-4xl">Reset your password</h1>
      <p className="mb-6">Enter the e-mail address you sign in with. We will send you a link to choose a new password.</p>
      <ActionForm action={requestReset} submitLabel="Send reset link" labels={{ email: "Email address" }}>
        <FormTextInput name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} />
      </ActionForm>
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </AuthPage>
  );
}
