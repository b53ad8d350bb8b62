import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { listCredentials, type CredentialFilters } from "@/lib/data/credentials";
import {
  CREDENTIAL_ORIGIN_LABELS,
  CREDENTIAL_ORIGINS,
  CREDENTIAL_STATES,
  credentialMachine,
  SPECIFICATION_STATES,
  specificationVersionMachine,
} from "@/lib/workflow";

export const metadata: Metadata = { title: "Credentials" };

const LEDES = {
  CENTRE_STAFF: "Every credential, from development through endorsement to periodic review.",
  EXPERT: "Credentials your expert group owns, with the state of their latest specification.",
  PROVIDER: "Credentials endorsed for delivery, and those your organisation has delivery plans against.",
  REVIEWER: "Credentials with specifications you have been assigned to review for endorsement.",
} as const;

export default async function CredentialsPage({ searchParams }: { searchParams: Promise<CredentialFilters> }) {
  const user = await requireUser();
  const filters = await searchParams;
  const { rows, total, page, pageCount } = await listCredentials(user, filters);
  return (
    <>
      <PageHeading title="Credentials" lede={LEDES[user.role]} />
      {user.role === "CENTRE_STAFF" ? (
        <ButtonLink href="/credentials/new" variant="secondary" className="mb-6">
          Register a pilot resource
        </ButtonLink>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter credentials">
        <Select
          name="status"
          label="Credential status"
          defaultValue={filters.status ?? ""}
          options={[
            { value: "", label: "Any status" },
            ...CREDENTIAL_STATES.map((s) => ({ value: s, label: credentialMachine.labels[s] })),
          ]}
        />
        <Select
          name="origin"
          label="Origin"
          defaultValue={filters.origin ?? ""}
          options={[
            { value: "", label: "Any origin" },
            ...CREDENTIAL_ORIGINS.map((o) => ({ value: o, label: CREDENTIAL_ORIGIN_LABELS[o] })),
          ]}
        />
        <Select
          name="version"
          label="Has a specification version that is"
          defaultValue={filters.version ?? ""}
          options={[
            { value: "", label: "Any version status" },
            ...SPECIFICATION_STATES.map((s) => ({ value: s, label: specificationVersionMachine.labels[s] })),
          ]}
        />
        {user.role === "REVIEWER" ? (
          <Select
            name="assigned"
            label="Assignment"
            defaultValue={filters.assigned ?? ""}
            options={[
              { value: "", label: "All I can see" },
              { value: "me", label: "Assigned to me" },
            ]}
          />
        ) : null}
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "credential" : "credentials"}`}
        columns={[
          { key: "reference", header: "Reference" },
          { key: "title", header: "Title" },
          { key: "owner", header: "Expert group" },
          { key: "origin", header: "Origin" },
          { key: "status", header: "Status" },
          { key: "latest", header: "Latest specification" },
        ]}
        rowHeader="title"
        rows={rows.map((c) => {
          const latest = c.versions[0];
          return {
            reference: c.reference,
            title: <Link href={`/credentials/${c.id}`}>{c.title}</Link>,
            owner: c.ownerOrganisation.name,
            origin: CREDENTIAL_ORIGIN_LABELS[c.origin],
            status: <StatusTag status={c.status} label={credentialMachine.labels[c.status]} />,
            latest: latest ? (
              <>
                Version {latest.number} <StatusTag status={latest.status} label={specificationVersionMachine.labels[latest.status]} />
              </>
            ) : (
              "No version yet"
            ),
          };
        })}
        empty="No credentials match these filters."
      />
      <Pagination basePath="/credentials" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
