import { StatusTag, Table } from "@/components/ui";
import type { SessionUser } from "@/lib/auth/types";
import { organisationPlans } from "@/lib/data/dashboard";
import { ViewAll } from "./ViewAll";

/** Providers see their organisation's delivery plans that need their action first, and a link to them all. */
export async function ProviderDashboard({ user }: { user: SessionUser }) {
  const { rows: plans, total } = await organisationPlans(user);
  return (
    <>
      <Table
        caption="Your delivery plans, those to complete or revise first"
        columns={[
          { key: "programme", header: "Programme" },
          { key: "credential", header: "Credential" },
          { key: "status", header: "Status" },
        ]}
        rows={plans.map((p) => ({
          programme: <a href={`/delivery-plans/${p.id}`}>{p.programmeTitle}</a>,
          credential: `${p.credential.reference} ${p.credential.title}`,
          status: <StatusTag status={p.status} />,
        }))}
        empty="Your organisation has no delivery plans yet."
      />
      <ViewAll href="/delivery-plans" total={total} shown={plans.length} one="delivery plan" many="delivery plans" />
    </>
  );
}
