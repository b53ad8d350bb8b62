import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { BackLink, PageHeading, StatusTag, Table } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { CRITERIA_SETS_SHOWN, listCriteriaSets } from "@/lib/data/criteria-sets";
import { formatDate } from "@/lib/format";
import { CRITERIA_SET_KIND_LABELS, CRITERIA_SET_KINDS, criteriaSetMachine } from "@/lib/workflow";
import { draftCriteriaSet } from "./actions";

export const metadata: Metadata = { title: "Criteria sets" };

export default async function CriteriaSetsPage() {
  const user = await requireAdmin();
  const sets = await listCriteriaSets(user);
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading
        title="Criteria sets"
        lede="The gateway and endorsement criteria, as versions. A new gateway assessment or endorsement review uses the published version in effect that day and keeps it; publishing a new version never changes work already under way or done."
      />
      {CRITERIA_SET_KINDS.map((kind) => {
        const rows = sets.filter((s) => s.kind === kind);
        const hasDraft = rows.some((s) => s.status === "DRAFT");
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`} className="mb-10">
            <h2 id={`kind-${kind}`} className="mb-4 text-2xl font-bold">
              {CRITERIA_SET_KIND_LABELS[kind]}
            </h2>
            <Table
              caption={`${CRITERIA_SET_KIND_LABELS[kind]}: versions`}
              captionHidden
              rowHeader="version"
              columns={[
                { key: "version", header: "Version" },
                { key: "status", header: "Status" },
                { key: "effective", header: "In effect from" },
                { key: "criteria", header: "Criteria", align: "right" },
                { key: "used", header: kind === "GATEWAY" ? "Priorities assessed" : "Reviews", align: "right" },
              ]}
              rows={rows.map((s) => ({
                version: <Link href={`/admin/criteria/${s.id}`}>{`Version ${s.number}: ${s.name}`}</Link>,
                status: <StatusTag status={s.status} label={criteriaSetMachine.labels[s.status]} />,
                effective: s.effectiveFrom ? formatDate(s.effectiveFrom) : "Not yet",
                criteria: String(s._count.criteria),
                used: String(kind === "GATEWAY" ? s._count.priorities : s._count.endorsementReviews),
              }))}
              empty="No versions yet."
            />
            {hasDraft ? null : (
              <ActionForm
                action={draftCriteriaSet}
                hidden={{ kind }}
                submitLabel={`Draft a new version of the ${CRITERIA_SET_KIND_LABELS[kind].toLowerCase()}`}
                submitVariant="secondary"
              />
            )}
          </section>
        );
      })}
      {sets.length >= CRITERIA_SETS_SHOWN ? <p>Showing the latest {CRITERIA_SETS_SHOWN} versions.</p> : null}
    </>
  );
}
