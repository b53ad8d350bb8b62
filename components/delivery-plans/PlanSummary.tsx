import Link from "@/components/ui/Link";
import { SummaryList } from "@/components/ui";
import type { DeliveryPlanDetail } from "@/lib/data/delivery-plans";
import { formatDate } from "@/lib/format";

const orNotGiven = (value: string | number | null) =>
  value === null || value === "" ? (
    <span className="text-nhs-secondary">Not given yet</span>
  ) : (
    <span className="whitespace-pre-line">{value}</span>
  );

/** What the provider plans: the programme, its delivery and its quality arrangements, and the Centre's decision. */
export function PlanSummary({ plan }: { plan: DeliveryPlanDetail }) {
  const { credential } = plan;
  const rows = [
    { key: "Education provider", value: plan.organisation.name },
    {
      key: "Credential",
      value: (
        <Link href={`/credentials/${credential.id}`}>
          {credential.reference} {credential.title}
        </Link>
      ),
    },
    { key: "Specification version", value: `Version ${plan.specificationVersion.number} (endorsed)` },
    { key: "Programme or module title", value: plan.programmeTitle },
    { key: "Award", value: orNotGiven(plan.award) },
    { key: "Delivery mode", value: orNotGiven(plan.deliveryMode) },
    { key: "Start date", value: orNotGiven(plan.startsOn && formatDate(plan.startsOn)) },
    { key: "Cohort size", value: orNotGiven(plan.cohortSize) },
    { key: "Staffing and supervision", value: orNotGiven(plan.staffingAndSupervision) },
    { key: "Quality-assurance arrangements", value: orNotGiven(plan.qualityAssurance) },
  ];
  if (plan.submittedAt) rows.push({ key: "Submitted", value: formatDate(plan.submittedAt) });
  if (plan.decisionRationale) rows.push({ key: "Centre's rationale", value: plan.decisionRationale });
  if (plan.conditions) {
    rows.push({
      key: "Conditions",
      value: (
        <ul className="list-disc pl-6">
          {plan.conditions.split("\n").map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ),
    });
  }
  if (plan.decidedAt) rows.push({ key: "Decided", value: formatDate(plan.decidedAt) });
  if (plan.status === "SUSPENDED" && plan.suspendedReason)
    rows.push({ key: "Reason for suspending", value: orNotGiven(plan.suspendedReason) });
  if (plan.status === "CLOSED" && plan.closedReason) rows.push({ key: "Reason for closing", value: orNotGiven(plan.closedReason) });
  return <SummaryList rows={rows} />;
}
