import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Evaluations } from "@/components/impact/Evaluations";
import { ImpactFigures } from "@/components/impact/ImpactFigures";
import { Breadcrumbs, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listEvaluations } from "@/lib/data/evaluations";
import { impactCredential, impactFigures } from "@/lib/data/impact-figures";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Credential impact" };

export default async function CredentialImpactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const credential = await impactCredential(user, orNotFound(routeId((await params).id)));
  if (!credential) notFound();
  const [figures, evaluations] = await Promise.all([
    impactFigures(user, { credentialId: credential.id }),
    listEvaluations(user, credential.id),
  ]);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/impact", label: "Impact" },
          { href: "/impact/portfolio", label: "Portfolio impact" },
        ]}
      />
      <PageHeading
        caption={credential.reference}
        title={`Impact: ${credential.title}`}
        lede="Figures from accepted impact returns for this credential, across its deliveries."
      />
      <ImpactFigures {...figures} exportQuery={`?credential=${encodeURIComponent(credential.id)}`} />
      {user.role === "CENTRE_STAFF" ? <Evaluations evaluations={evaluations} credentialId={credential.id} /> : null}
    </>
  );
}
