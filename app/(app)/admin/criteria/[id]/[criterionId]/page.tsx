import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CRITERION_LABELS, CriterionFields } from "@/components/criteria/CriterionFields";
import { ActionForm } from "@/components/forms/ActionForm";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { criteriaSetDetail } from "@/lib/data/criteria-sets";
import { orNotFound, routeId } from "@/lib/params";
import { CRITERIA_SET_KIND_LABELS } from "@/lib/workflow";
import { changeCriterion } from "../../actions";

export const metadata: Metadata = { title: "Change a criterion" };

export default async function CriterionPage({ params }: { params: Promise<{ id: string; criterionId: string }> }) {
  const user = await requireAdmin();
  const { id: rawId, criterionId: rawCriterionId } = await params;
  const set = await criteriaSetDetail(user, orNotFound(routeId(rawId)));
  const criterion = set?.criteria.find((c) => c.id === routeId(rawCriterionId));
  if (!set || !criterion) notFound();
  return (
    <>
      <BackLink href={`/admin/criteria/${set.id}`}>{`Version ${set.number}: ${set.name}`}</BackLink>
      <PageHeading caption={CRITERIA_SET_KIND_LABELS[set.kind]} title={`Change criterion ${criterion.number}`} />
      {set.status === "DRAFT" ? (
        <ActionForm
          action={changeCriterion}
          hidden={{ id: set.id, version: set.version, criterionId: criterion.id }}
          labels={CRITERION_LABELS}
          submitLabel="Save criterion"
        >
          <CriterionFields defaults={criterion} />
        </ActionForm>
      ) : (
        <InsetText>
          <p>This version is published, so its criteria no longer change. Draft a new version to change them.</p>
        </InsetText>
      )}
    </>
  );
}
