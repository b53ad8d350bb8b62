import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { SuccessBanner } from "@/components/ui/SuccessBanner";
import { bannerFor } from "@/lib/done";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormPasswordInput } from "@/components/forms/Fields";
import { PageHeading, SummaryList } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { ownAccount } from "@/lib/data/account";
import { ROLE_LABELS } from "@/lib/workflow";
import { changePassword, signOutEverywhere } from "./actions";

export const metadata: Metadata = { title: "Your account" };

const DONE: Record<string, string> = { password: "Your password was changed. You have been signed out everywhere else." };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser();
  const [account, query] = await Promise.all([ownAccount(user), searchParams]);
  return (
    <>
      <PageHeading title="Your account" />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <SummaryList
        rows={[
          { key: "Name", value: account.name },
          { key: "Email", value: account.email },
          { key: "Organisation", value: account.organisation?.name ?? "None" },
          { key: "Role", value: `${ROLE_LABELS[account.role]}${account.isAdmin ? " (Centre admin)" : ""}` },
        ]}
      />
      <p className="mb-8">To change your name, e-mail address, role or organisation, ask a Centre admin.</p>
      <section aria-labelledby="email-choices-heading" className="mb-10">
        <h2 id="email-choices-heading" className="mb-4 text-2xl font-bold">
          E-mail notifications
        </h2>
        <p>
          <Link href="/account/notifications">Choose which notifications you get by e-mail</Link>, and which come as one daily summary
          instead.
        </p>
      </section>
      <section aria-labelledby="password-heading" className="mb-10">
        <h2 id="password-heading" className="mb-4 text-2xl font-bold">
          Change your password
        </h2>
        <ActionForm
          action={changePassword}
          submitLabel="Change password"
          labels={{ currentPassword: "Current password", password: "New password", confirmPassword: "Confirm new password" }}
        >
          <FormPasswordInput name="currentPassword" label="Current password" autoComplete="current-password" />
          <FormPasswordInput
            name="password"
            label="New password"
            hint="At least 12 characters. Three or four random words make a strong password that is easy to remember."
            autoComplete="new-password"
          />
          <FormPasswordInput name="confirmPassword" label="Confirm new password" autoComplete="new-password" />
        </ActionForm>
      </section>
      <section aria-labelledby="everywhere-heading" className="mb-8">
        <h2 id="everywhere-heading" className="mb-4 text-2xl font-bold">
          Sign out everywhere
        </h2>
        <p className="mb-4">
          Ends every session of your account, on this device and any other, for example a shared computer you forgot to sign out of.
        </p>
        <ActionForm action={signOutEverywhere} submitLabel="Sign out everywhere" submitVariant="secondary" />
      </section>
    </>
  );
}
