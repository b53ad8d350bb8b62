import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, InsetText, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { completionsToRecognise, listCompletions, type CompletionFilters } from "@/lib/data/completions";
import { formatDate } from "@/lib/format";
import { COMPLETION_STATES, completionMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Completions" };

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  ...COMPLETION_STATES.map((s) => ({ value: s, label: completionMachine.labels[s] })),
];

export default async function CompletionsPage({ searchParams }: { searchParams: Promise<CompletionFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const filters = await searchParams;
  const [{ rows, total, page, pageCount }, toRecognise] = await Promise.all([listCompletions(user, filters), completionsToRecognise(user)]);
  const staff = user.role === "CENTRE_STAFF";
  return (
    <>
      <PageHeading
        title="Completions"
        lede={
          staff
            ? "Practitioners who completed a credential, as recorded by education providers. Recognise each completion with a verifiable digital badge."
            : "Practitioners who completed a credential through your organisation's delivery. The Centre recognises each completion with a verifiable digital badge."
        }
      />
      {staff && toRecognise > 0 && filters.status !== "RECORDED" ? (
        <InsetText>
          <p>
            <Link href="/completions?status=RECORDED">
              {toRecognise} {toRecognise === 1 ? "completion" : "completions"} to recognise
            </Link>
          </p>
        </InsetText>
      ) : null}
      {!staff ? (
        <p className="mb-6">
          <ButtonLink href="/completions/new">Record a completion</ButtonLink>
        </p>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter completions">
        <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "completion" : "completions"}`}
        columns={[
          { key: "practitioner", header: "Practitioner" },
          { key: "profession", header: "Profession" },
          { key: "credential", header: "Credential" },
          ...(staff ? [{ key: "provider", header: "Provider" }] : []),
          { key: "completed", header: "Completed" },
          { key: "status", header: "Status" },
        ]}
        rowHeader="practitioner"
        rows={rows.map((c) => ({
          practitioner: <Link href={`/completions/${c.id}`}>{c.practitionerName}</Link>,
          profession: c.profession,
          credential: `${c.credential.reference} ${c.credential.title}`,
          provider: c.organisation.name,
          completed: formatDate(c.completedOn),
          status: <StatusTag status={c.status} label={completionMachine.labels[c.status]} />,
        }))}
        empty="No completions match these filters."
      />
      <Pagination basePath="/completions" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
