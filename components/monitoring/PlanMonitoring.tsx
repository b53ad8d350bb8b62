import Link from "@/components/ui/Link";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormSelect, FormTextArea } from "@/components/forms/Fields";
import { InsetText, StatusTag, Table } from "@/components/ui";
import type { PlanMonitoringView } from "@/lib/data/enhanced-monitoring";
import { monitoringReportLink } from "@/lib/data/enhanced-monitoring";
import type { PlanRiskView } from "@/lib/data/plan-risks";
import { formatDate } from "@/lib/format";
import { monitoringReportMachine, RISK_LEVEL_LABELS, RISK_LEVELS } from "@/lib/workflow";
import {
  clearRiskOverride,
  liftEnhancedMonitoring,
  overrideRisk,
  placeUnderEnhancedMonitoring,
  ratePlan,
} from "@/app/(app)/delivery-plans/monitoring/actions";

const LEVELS = RISK_LEVELS.map((value) => ({ value, label: RISK_LEVEL_LABELS[value] }));

/** Staff's view of a delivering plan's risk rating: the rating, why, the rules version, the next review, and the override. */
export function PlanRiskSection({ planId, risk, mayRate }: { planId: string; risk: PlanRiskView | null; mayRate: boolean }) {
  return (
    <section aria-labelledby="risk-heading" className="mt-8 mb-8">
      <h2 id="risk-heading" className="mb-4 text-2xl font-bold">
        Risk rating
      </h2>
      {risk ? (
        <>
          <p className="mb-2">
            Rating: <StatusTag status={risk.level} label={RISK_LEVEL_LABELS[risk.level]} />
            {risk.status === "OVERRIDDEN"
              ? ` (overridden by staff; the rules give ${RISK_LEVEL_LABELS[risk.computed].toLowerCase()})`
              : null}
          </p>
          {risk.status === "OVERRIDDEN" ? <p className="mb-2">Why it was overridden: {risk.overrideReason}</p> : null}
          {risk.reasons.length > 0 ? (
            <>
              <p className="mb-2">Why the rules rate it {RISK_LEVEL_LABELS[risk.computed].toLowerCase()}:</p>
              <ul className="mb-2 list-disc pl-6">
                {risk.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mb-2">No rule applies to its latest figures, so the rules rate it low.</p>
          )}
          <p className="mb-2">
            Worked out on {formatDate(risk.ratedAt)} under{" "}
            <Link href="/delivery-plans/risk-rules">risk rules version {risk.ruleSet.number}</Link>.
          </p>
          <p className="mb-4">
            <strong>Next quality review due: {formatDate(risk.nextReviewDueOn)}</strong>
          </p>
        </>
      ) : (
        <p className="mb-4">Not rated yet: ratings are worked out each night under the risk rules in effect.</p>
      )}
      {mayRate ? (
        <>
          <ActionForm action={ratePlan} hidden={{ planId }} submitLabel="Work out the rating now" submitVariant="secondary" />
          {risk ? (
            <ActionForm
              action={overrideRisk}
              hidden={{ id: risk.id, version: risk.version }}
              labels={{ level: "Rating that applies instead", reason: "Why you are overriding the rating" }}
              submitLabel="Override the rating"
              submitVariant="secondary"
            >
              <FormSelect name="level" label="Rating that applies instead" options={LEVELS} placeholder="Choose a rating" />
              <FormTextArea
                name="reason"
                label="Why you are overriding the rating"
                hint="Kept with the rating and in its history."
                rows={3}
              />
            </ActionForm>
          ) : null}
          {risk?.status === "OVERRIDDEN" ? (
            <ActionForm
              action={clearRiskOverride}
              hidden={{ id: risk.id, version: risk.version }}
              submitLabel="Clear the override"
              submitVariant="secondary"
            >
              <p className="mb-4">The rating goes back to the rules&apos; one, and the next review date with it.</p>
            </ActionForm>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** A plan's monitoring: still new until its first cohort completes, and any enhanced monitoring with its reports. */
export function PlanMonitoringSection({
  planId,
  monitoring,
  mayPlace,
  staff,
}: {
  planId: string;
  monitoring: PlanMonitoringView;
  mayPlace: boolean;
  staff: boolean;
}) {
  const { spell, newPlan } = monitoring;
  const active = spell?.status === "ACTIVE" ? spell : null;
  if (!newPlan && !spell && !mayPlace) return null;
  return (
    <section aria-labelledby="monitoring-heading" className="mb-8">
      <h2 id="monitoring-heading" className="mb-4 text-2xl font-bold">
        Monitoring
      </h2>
      {newPlan ? (
        <InsetText>
          <p>
            New plan: monitored until its first cohort completes (a completion recorded against it, or an accepted annual return that
            records one).
          </p>
        </InsetText>
      ) : null}
      {active ? (
        <>
          <p className="mb-2">
            <StatusTag status="ACTIVE" label="Under enhanced monitoring" /> since {formatDate(active.placedAt)}: {active.reason}
          </p>
          <p className="mb-4">The provider reports on the plan every six months until the Centre lifts enhanced monitoring.</p>
        </>
      ) : spell ? (
        <p className="mb-4">
          Enhanced monitoring was lifted on {spell.liftedAt ? formatDate(spell.liftedAt) : "–"}: {spell.liftReason}
        </p>
      ) : null}
      {spell && spell.reports.length > 0 ? (
        <Table
          caption="Monitoring reports"
          rowHeader="report"
          columns={[
            { key: "report", header: "Report" },
            { key: "due", header: "Due" },
            { key: "status", header: "Status" },
          ]}
          rows={spell.reports.map((r) => ({
            report: <Link href={monitoringReportLink(r.id)}>Report {r.sequence}</Link>,
            due: formatDate(r.dueOn),
            status: <StatusTag status={r.status} label={monitoringReportMachine.labels[r.status]} />,
          }))}
        />
      ) : null}
      {staff && active ? (
        <ActionForm
          action={liftEnhancedMonitoring}
          hidden={{ id: active.id, version: active.version }}
          labels={{ reason: "Why you are lifting enhanced monitoring" }}
          submitLabel="Lift enhanced monitoring"
          submitVariant="secondary"
        >
          <FormTextArea
            name="reason"
            label="Why you are lifting enhanced monitoring"
            hint="The provider sees it; any report still owed is cancelled."
            rows={3}
          />
        </ActionForm>
      ) : null}
      {mayPlace && !active ? (
        <ActionForm
          action={placeUnderEnhancedMonitoring}
          hidden={{ planId }}
          labels={{ reason: "Why you are placing the plan under enhanced monitoring" }}
          submitLabel="Place under enhanced monitoring"
          submitVariant="secondary"
        >
          <FormTextArea
            name="reason"
            label="Why you are placing the plan under enhanced monitoring"
            hint="The provider sees it and then reports on the plan every six months until you lift it."
            rows={3}
          />
        </ActionForm>
      ) : null}
    </section>
  );
}
