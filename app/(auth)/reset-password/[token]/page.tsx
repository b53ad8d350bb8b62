import type { Metadata } from "next";
import { AuthPage } from "@/components/accounts/AuthPage";
import { LinkProblem } from "@/components/accounts/LinkProblem";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormPasswordInput } from "@/components/forms/Fields";
import { linkState } from "@/lib/data/account";
import { resetPassword } from "../../invitations/actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await linkState(token, "PASSWORD_RESET");
  if (found.state !== "valid") {
    return (
      <AuthPage>
        <LinkProblem problem={found.state} purpose="PASSWORD_RESET" />
      </AuthPage>
    );
  }
  return (
    <AuthPage>
      <h1 className="mb-6 text-3xl font-bold md:text-4xl">Choose a new password</h1>
      <p className="mb-6">
        For <strong>{found.user.email}</strong>. Once it is changed you will be signed out everywhere else.
      </p>
      <ActionForm
        action={resetPassword}
        hidden={{ token }}
        submitLabel="Change password and sign in"
        labels={{ password: "New password", confirmPassword: "Confirm new password" }}
      >
        <FormPasswordInput
          name="password"
          label="New password"
          hint="At least 12 characters. Three or four random words make a strong password that is easy to remember."
          autoComplete="new-password"
        />
        <FormPasswordInput name="confirmPassword" label="Confirm new password" autoComplete="new-password" />
      </ActionForm>
    </AuthPage>
  );
}
