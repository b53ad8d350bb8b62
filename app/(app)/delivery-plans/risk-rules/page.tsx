import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { RiskRulesInWords } from "@/components/monitoring/RiskRulesInWords";
import { Breadcrumbs, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { riskRuleSets } from "@/lib/data/risk-rules";

export const metadata: Metadata = { title: "Risk rules" };

export default async function RiskRulesPage() {
  const user = await requireRole("CENTRE_STAFF");
  const { sets, inEffectId } = await riskRuleSets(user);
  const inEffect = sets.find((s) => s.id === inEffectId);
  return (
    <>
      <Breadcrumbs items={[{ href: "/delivery-plans", label: "Delivery plans" }]} />
      <PageHeading
        title="Risk rules"
        lede="How each approved delivery plan is rated low, medium or high risk from its latest figures, and when its next quality review falls due. Ratings are worked out each night and when an annual return is accepted or a quality review closed."
      />
      {inEffect ? (
        <RiskRulesInWords rules={inEffect} />
      ) : (
        <InsetText>
          <p>No risk rules are in effect yet, so plans are not rated.</p>
        </InsetText>
      )}
      {user.isAdmin ? (
        <p>
          <Link href="/admin/risk-rules">Publish a new version of the risk rules</Link>
        </p>
      ) : null}
    </>
  );
}
