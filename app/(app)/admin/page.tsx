import type { Metadata } from "next";
import { Card, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdmin();
  return (
    <>
      <PageHeading title="Admin" lede="Manage who can use the service and the organisations they belong to." />
      <ul className="grid gap-6 md:grid-cols-3">
        <li>
          <Card
            heading="Organisations"
            href="/admin/organisations"
            description="The Centre, expert groups, education providers and reviewer bodies: add or rename them."
          />
        </li>
        <li>
          <Card
            heading="People"
            href="/admin/people"
            description="Invite people, change their role or organisation, deactivate or reactivate their accounts."
          />
        </li>
        <li>
          <Card
            heading="Professions"
            href="/admin/professions"
            description="The regulated professions practitioners are recorded in: add, rename or retire them."
          />
        </li>
        <li>
          <Card heading="E-mails" href="/admin/emails" description="The e-mails the service has sent or is about to send." />
        </li>
      </ul>
    </>
  );
}
