import { StatusTag, Table } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/types";
import { organisationCredentials } from "@/lib/data/dashboard";
import { ViewAll } from "./ViewAll";

/** Expert-group members see their group's credentials and where each specification stands. */
export async function ExpertDashboard({ user }: { user: SessionUser }) {
  const { rows: credentials, total } = await organisationCredentials(user);
  return (
    <>
      <Table
        caption="Your expert group's credentials"
        columns={[
          { key: "reference", header: "Reference" },
          { key: "title", header: "Title" },
          { key: "status", header: "Credential" },
          { key: "version", header: "Latest specification" },
        ]}
        rows={credentials.map((c) => ({
          reference: c.reference,
          title: <a href={`/credentials/${c.id}`}>{c.title}</a>,
          status: <StatusTag status={c.status} />,
          version: c.versions[0] ? (
            <>
              Version {c.versions[0].number} <StatusTag status={c.versions[0].status} />
            </>
          ) : (
            "None"
          ),
        }))}
        empty="Your expert group has no credentials yet."
      />
      <ViewAll href="/credentials" total={total} shown={credentials.length} one="credential" many="credentials" />
    </>
  );
}
