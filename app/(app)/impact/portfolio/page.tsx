import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Evaluations } from "@/components/impact/Evaluations";
import { CsvLink, ImpactFigures } from "@/components/impact/ImpactFigures";
import { formatCount, formatRate } from "@/components/impact/numbers";
import { Breadcrumbs, PageHeading, Pagination, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listEvaluations } from "@/lib/data/evaluations";
import { impactByCredentialPage, impactFigures } from "@/lib/data/impact-figures";

export const metadata: Metadata = { title: "Portfolio impact" };

export default async function PortfolioImpactPage({ searchParams }: { searchParams: Promise<{ credentialsPage?: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const staff = user.role === "CENTRE_STAFF";
  const [figures, byCredential, evaluations] = await Promise.all([
    impactFigures(user),
    searchParams.then((q) => impactByCredentialPage(user, q.credentialsPage)),
    listEvaluations(user, null),
  ]);
  return (
    <>
      <Breadcrumbs items={[{ href: "/impact", label: "Impact" }]} />
      <PageHeading
        title="Portfolio impact"
        lede={
          staff
            ? "The collective value of the credentials: learners enrolled, completing and deployed in advanced-practice roles, from accepted impact returns."
            : "Your organisation's accepted impact returns, added up across your deliveries."
        }
      />
      <ImpactFigures {...figures} />
      <h2>By credential</h2>
      <Table
        caption="Learners by credential"
        rowHeader="credential"
        columns={[
          { key: "credential", header: "Credential" },
          { key: "returns", header: "Accepted returns", align: "right" },
          { key: "enrolled", header: "Enrolled", align: "right" },
          { key: "completed", header: "Completed", align: "right" },
          { key: "deployed", header: "Deployed", align: "right" },
          { key: "completionRate", header: "Completion rate", align: "right" },
          { key: "deploymentRate", header: "Deployment rate", align: "right" },
        ]}
        rows={byCredential.rows.map((r) => ({
          credential: (
            <Link href={`/impact/credentials/${r.credential.id}`}>
              {r.credential.reference} {r.credential.title}
            </Link>
          ),
          returns: formatCount(r.returns),
          enrolled: formatCount(r.enrolled),
          completed: formatCount(r.completed),
          deployed: formatCount(r.deployed),
          completionRate: formatRate(r.completionRate),
          deploymentRate: formatRate(r.deploymentRate),
        }))}
        empty="No accepted returns yet."
      />
      <Pagination
        basePath="/impact/portfolio"
        searchParams={{ credentialsPage: String(byCredential.page) }}
        param="credentialsPage"
        page={byCredential.page}
        pageCount={byCredential.pageCount}
      />
      <CsvLink table="credentials" what="learners by credential" />
      {staff ? <Evaluations evaluations={evaluations} /> : null}
    </>
  );
}
