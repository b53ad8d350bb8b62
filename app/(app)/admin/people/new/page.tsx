import type { Metadata } from "next";
import { AccessFields } from "@/components/accounts/AccessFields";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { organisationOptions } from "@/lib/data/organisations";
import { invitePerson } from "../actions";

export const metadata: Metadata = { title: "Invite a person" };

export default async function InvitePage() {
  const user = await requireAdmin();
  const organisations = await organisationOptions(user);
  return (
    <>
      <BackLink href="/admin/people">People</BackLink>
      <PageHeading title="Invite a person" lede="They get an e-mail with a link to choose a password. The link works once, for 7 days." />
      <ActionForm
        action={invitePerson}
        submitLabel="Send invitation"
        labels={{ email: "Email address", name: "Full name", role: "Role", organisationId: "Organisation", isAdmin: "Centre admin" }}
      >
        <FormTextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} />
        <FormTextInput name="name" label="Full name" hint="They can correct it when they accept." autoComplete="off" />
        <AccessFields organisations={organisations} />
      </ActionForm>
    </>
  );
}
