import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormSelect, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { RiskRulesInWords } from "@/components/monitoring/RiskRulesInWords";
import { BackLink, InsetText, PageHeading, SuccessBanner, WarningCallout } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { riskRuleSets } from "@/lib/data/risk-rules";
import { bannerFor } from "@/lib/done";
import { RISK_LEVEL_LABELS, RISK_LEVELS } from "@/lib/workflow";
import { publishRiskRuleSet } from "./actions";

export const metadata: Metadata = { title: "Risk rules" };

const DONE = {
  published: {
    heading: "New version of the risk rules published",
    body: "Plans are rated under it from the day it takes effect; ratings already made keep the version they used.",
  },
};

const LEVELS = RISK_LEVELS.map((value) => ({ value, label: RISK_LEVEL_LABELS[value] }));

const LABELS = {
  effectiveFrom: "Date the rules take effect",
  source: "Where these figures come from",
  withdrawalMediumPercent: "Withdrawal rate above which a plan is medium risk (%)",
  withdrawalHighPercent: "Withdrawal rate above which a plan is high risk (%)",
  satisfactionBelowPercent: "Learner satisfaction below which a plan is medium risk (%)",
  requiresImprovementLevel: "Rating after a quality review that requires improvement",
  doesNotMeetLevel: "Rating after a quality review that does not meet standards",
  overdueReturnLevel: "Rating while an annual return is overdue",
  reviewMonthsLow: "Months to the next quality review: low risk",
  reviewMonthsMedium: "Months to the next quality review: medium risk",
  reviewMonthsHigh: "Months to the next quality review: high risk",
};

export default async function RiskRulesAdminPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAdmin();
  const [query, { sets, inEffectId }] = await Promise.all([searchParams, riskRuleSets(user)]);
  const latest = sets[0];
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading
        title="Risk rules"
        lede="The thresholds that rate each approved delivery plan low, medium or high risk, and how long each rating waits for its next quality review. Publish a new version to change them; a published version never changes."
      />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <WarningCallout heading="The Centre publishes no risk thresholds">
        <p>
          The Centre&apos;s pages on accreditation monitoring describe a responsive, proportionate approach but give no thresholds or review
          intervals. Any figures here are the Centre&apos;s own to set: the demonstration data&apos;s version is invented for trying the
          service out, says so in its source, and is to be replaced.
        </p>
      </WarningCallout>
      {latest ? (
        <section aria-labelledby="versions-heading" className="mb-8">
          <h2 id="versions-heading" className="mb-4 text-2xl font-bold">
            Versions
          </h2>
          {sets.map((set) => (
            <div key={set.id} className="mb-4">
              <h3 className="mb-2 text-xl font-bold">
                Version {set.number}
                {set.id === inEffectId ? " (in effect)" : ""}
              </h3>
              <RiskRulesInWords rules={set} />
            </div>
          ))}
        </section>
      ) : (
        <InsetText>
          <p>No risk rules have been published, so no plan is rated yet.</p>
        </InsetText>
      )}
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading" className="mb-4 text-2xl font-bold">
          Publish version {(latest?.number ?? 0) + 1}
        </h2>
        <ActionForm action={publishRiskRuleSet} hidden={{ basedOn: latest?.number ?? 0 }} labels={LABELS} submitLabel="Publish these rules">
          <FormDateInput name="effectiveFrom" label={LABELS.effectiveFrom} hint="Today or later." />
          <FormTextArea
            name="source"
            label={LABELS.source}
            hint="Name the published source and its address, or say that the figures are the Centre's own decision."
            rows={3}
            defaultValue={latest?.source}
          />
          {PERCENT_FIELDS.map((name) => (
            <NumberField key={name} name={name} defaultValue={latest?.[name]} />
          ))}
          {LEVEL_FIELDS.map(([name, fallback]) => (
            <FormSelect key={name} name={name} label={LABELS[name]} options={LEVELS} defaultValue={latest?.[name] ?? fallback} />
          ))}
          {MONTH_FIELDS.map((name) => (
            <NumberField key={name} name={name} defaultValue={latest?.[name]} />
          ))}
        </ActionForm>
      </section>
    </>
  );
}

const PERCENT_FIELDS = ["withdrawalMediumPercent", "withdrawalHighPercent", "satisfactionBelowPercent"] as const;
const MONTH_FIELDS = ["reviewMonthsLow", "reviewMonthsMedium", "reviewMonthsHigh"] as const;
/** Each finding's field and the level the form offers before any version is published. */
const LEVEL_FIELDS = [
  ["requiresImprovementLevel", "MEDIUM"],
  ["doesNotMeetLevel", "HIGH"],
  ["overdueReturnLevel", "MEDIUM"],
] as const;

function NumberField({ name, defaultValue }: { name: (typeof PERCENT_FIELDS | typeof MONTH_FIELDS)[number]; defaultValue?: number }) {
  return <FormTextInput name={name} label={LABELS[name]} inputMode="numeric" className="w-20" defaultValue={defaultValue} />;
}
