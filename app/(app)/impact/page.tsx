import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { CsvLink } from "@/components/impact/ImpactFigures";
import { formatCount, formatRate } from "@/components/impact/numbers";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { hrefWith } from "@/components/ui/Pagination";
import { requireRole } from "@/lib/auth/session";
import { listImpactReturns, type ImpactFilters } from "@/lib/data/impact";
import { impactFigures } from "@/lib/data/impact-figures";
import { reportingPlans } from "@/lib/data/impact-returns";
import { impactReturnMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Impact" };

// DRAFT stands for every return still with the provider (see listImpactReturns), so its label says so.
const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "DRAFT", label: "Draft or queried" },
  { value: "SUBMITTED", label: "Submitted" },
  { value: "QUERIED", label: "Queried" },
  { value: "ACCEPTED", label: "Accepted" },
];

export default async function ImpactPage({ searchParams }: { searchParams: Promise<ImpactFilters & { plansPage?: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const filters = await searchParams;
  const staff = user.role === "CENTRE_STAFF";
  const [{ rows, total, page, pageCount }, totals, plans] = await Promise.all([
    listImpactReturns(user, filters),
    staff ? impactFigures(user).then((f) => f.totals) : null,
    staff ? null : reportingPlans(user, filters.plansPage),
  ]);
  return (
    <>
      <PageHeading
        title="Impact"
        lede={
          staff
            ? "What credentials achieve: providers' returns on learners enrolled, completing and deployed in advanced-practice roles."
            : "Your organisation's impact returns: learners enrolled, completing and deployed, per delivery and period."
        }
      />
      <ButtonLink href="/impact/portfolio" variant="secondary" className="mb-6">
        {staff ? "Portfolio impact: figures and charts" : "Your impact: figures and charts"}
      </ButtonLink>
      {totals ? (
        <>
          <Table
            caption={`Totals across ${totals.returns} accepted ${totals.returns === 1 ? "return" : "returns"}`}
            columns={[
              { key: "enrolled", header: "Enrolled", align: "right" },
              { key: "completed", header: "Completed", align: "right" },
              { key: "rate", header: "Completion rate", align: "right" },
              { key: "deployed", header: "Deployed", align: "right" },
            ]}
            rows={[
              {
                enrolled: formatCount(totals.enrolled),
                completed: formatCount(totals.completed),
                rate: formatRate(totals.completionRate),
                deployed: formatCount(totals.deployed),
              },
            ]}
          />
          <CsvLink table="totals" what="the totals" />
        </>
      ) : null}
      {plans && plans.total > 0 ? (
        <>
          <Table
            caption="Start an impact return"
            columns={[
              { key: "plan", header: "Delivery" },
              { key: "credential", header: "Credential" },
            ]}
            rows={plans.rows.map((p) => ({
              plan: <Link href={`/impact/new?plan=${p.id}`}>Start a return for {p.programmeTitle}</Link>,
              credential: `${p.credential.reference} ${p.credential.title}`,
            }))}
          />
          <Pagination
            basePath="/impact"
            searchParams={filters}
            param="plansPage"
            label="Deliveries pages"
            page={plans.page}
            pageCount={plans.pageCount}
          />
        </>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter impact returns">
        <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} impact ${total === 1 ? "return" : "returns"}`}
        columns={[
          { key: "return", header: "Return" },
          { key: "credential", header: "Credential" },
          { key: "provider", header: "Provider" },
          { key: "enrolled", header: "Enrolled", align: "right" },
          { key: "completed", header: "Completed", align: "right" },
          { key: "withdrawn", header: "Withdrawn", align: "right" },
          { key: "deployed", header: "Deployed", align: "right" },
          { key: "status", header: "Status" },
        ]}
        rows={rows.map((r) => ({
          return: (
            <Link href={`/impact/${r.id}`}>
              {r.period}
              <span className="sr-only">
                {" "}
                return for {r.credential.reference} from {r.organisation.name}
              </span>
            </Link>
          ),
          credential: (
            <Link href={`/impact/credentials/${r.credential.id}`}>
              {r.credential.reference} {r.credential.title}
            </Link>
          ),
          provider: r.organisation.name,
          enrolled: formatCount(r.enrolled),
          completed: formatCount(r.completed),
          withdrawn: formatCount(r.withdrawn),
          deployed: formatCount(r.deployed),
          status: <StatusTag status={r.status} label={impactReturnMachine.labels[r.status]} />,
        }))}
        empty="No impact returns match these filters."
      />
      <CsvLink table="returns" query={hrefWith("", { status: filters.status }, {})} what="these impact returns" />
      <Pagination basePath="/impact" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
