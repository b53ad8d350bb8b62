import type { Metadata } from "next";
import { Card, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdmin();
  return (
    <>
      <PageHeading
        title="Admin"
        lede="Manage who can use the service, the organisations they belong to, and the criteria reviews are made against."
      />
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
            heading="Criteria sets"
            href="/admin/criteria"
            description="The gateway and endorsement criteria, as versions: draft a new version and publish it."
          />
        </li>
        <li>
          <Card
            heading="Capability framework"
            href="/admin/framework"
            description="The framework editions specifications are mapped to: read the core capabilities and edit their summaries."
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
          <Card
            heading="Appeal windows"
            href="/admin/appeal-windows"
            description="How long an expert group has to appeal a decline, and the bank holidays its working days skip."
          />
        </li>
        <li>
          <Card
            heading="Risk rules"
            href="/admin/risk-rules"
            description="The thresholds that rate approved delivery plans' risk, and the months to each rating's next quality review."
          />
        </li>
        <li>
          <Card heading="E-mails" href="/admin/emails" description="The e-mails the service has sent or is about to send." />
        </li>
      </ul>
    </>
  );
}
