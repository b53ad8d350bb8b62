import type { RuleSet } from "@/lib/data/risk-rules";
import { formatDate } from "@/lib/format";
import { RISK_LEVEL_LABELS, type RiskLevel } from "@/lib/workflow";

const lower = (level: RiskLevel) => RISK_LEVEL_LABELS[level].toLowerCase();

/** One version of the risk rules as staff read them: each rule as a sentence, then the review intervals. */
export function RiskRulesInWords({ rules }: { rules: RuleSet }) {
  return (
    <>
      <p className="mb-2">
        Version {rules.number}, in effect from {formatDate(rules.effectiveFrom)}. Source: {rules.source}
      </p>
      <ul className="mb-4 list-disc pl-6">
        <li>
          Withdrawals above {rules.withdrawalMediumPercent}% of the year&apos;s learners in the latest accepted annual return: medium risk;
          above {rules.withdrawalHighPercent}%: high risk.
        </li>
        <li>Learner satisfaction below {rules.satisfactionBelowPercent}% in the latest accepted annual return: medium risk.</li>
        <li>
          The last quality review found the delivery requires improvement: {lower(rules.requiresImprovementLevel)} risk; does not meet
          standards: {lower(rules.doesNotMeetLevel)} risk.
        </li>
        <li>An annual return is overdue: {lower(rules.overdueReturnLevel)} risk.</li>
        <li>Otherwise low risk. A plan takes the highest rating any rule gives it.</li>
      </ul>
      <p className="mb-4">
        The next quality review is due {rules.reviewMonthsLow} months after the last one (or after approval) for a low-risk plan,{" "}
        {rules.reviewMonthsMedium} months for medium risk and {rules.reviewMonthsHigh} months for high risk.
      </p>
    </>
  );
}
