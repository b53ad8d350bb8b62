import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { ImpactReturnFields, impactFieldLabels } from "@/components/impact/ImpactReturnFields";
import { Breadcrumbs, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { professionsForImpactReturn, reportingPlan } from "@/lib/data/impact-returns";
import { createImpactReturn } from "../actions";
import { routeId } from "@/lib/params";

export const metadata: Metadata = { title: "New impact return" };

export default async function NewImpactReturnPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const user = await requireRole("PROVIDER");
  const planId = routeId((await searchParams).plan);
  const plan = planId ? await reportingPlan(user, planId) : null;
  if (!plan) notFound();
  const professions = await professionsForImpactReturn();
  return (
    <>
      <Breadcrumbs items={[{ href: "/impact", label: "Impact" }]} />
      <PageHeading
        caption={`${plan.credential.reference} ${plan.credential.title}`}
        title={`New impact return: ${plan.programmeTitle}`}
        lede="Saved as a draft; you can check it and change it before you submit it to the Centre."
      />
      <ActionForm action={createImpactReturn} hidden={{ planId: plan.id }} submitLabel="Save draft" labels={impactFieldLabels()}>
        <ImpactReturnFields professions={professions} />
      </ActionForm>
    </>
  );
}
