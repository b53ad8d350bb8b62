import type { Metadata } from "next";
import { AuthPage } from "@/components/accounts/AuthPage";
import { LinkProblem } from "@/components/accounts/LinkProblem";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormPasswordInput, FormTextInput } from "@/components/forms/Fields";
import { linkState } from "@/lib/data/account";
import { acceptInvitation } from "../actions";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await linkState(token, "INVITATION");
  if (found.state !== "valid") {
    return (
      <AuthPage>
        <LinkProblem problem={found.state} purpose="INVITATION" />
      </AuthPage>
    );
  }
  return (
    <AuthPage>
      <h1 className="mb-6 text-3xl font-bold md:text-4xl">Accept your invitation</h1>
      <p className="mb-6">
        You are setting up the account for <strong>{found.user.email}</strong>. Check your name, then choose a password.
      </p>
      <ActionForm
        action={acceptInvitation}
        hidden={{ token }}
        submitLabel="Set password and sign in"
        labels={{ name: "Full name", password: "Password", confirmPassword: "Confirm password" }}
      >
        <FormTextInput name="name" label="Full name" defaultValue={found.user.name} autoComplete="name" />
        <FormPasswordInput
          name="password"
          label="Password"
          hint="At least 12 characters. Three or four random words make a strong password that is easy to remember."
          autoComplete="new-password"
        />
        <FormPasswordInput name="confirmPassword" label="Confirm password" autoComplete="new-password" />
      </ActionForm>
    </AuthPage>
  );
}
