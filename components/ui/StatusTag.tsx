type TagColour = "grey" | "blue" | "green" | "yellow" | "orange" | "red";

// Dark text on a tint of the same hue; every pair is ≥ 8.5:1 (WCAG AA needs 4.5:1). The text is always shown,
// so colour is never the only cue, and the border keeps the tag's shape visible when printed.
const colourClasses: Record<TagColour, string> = {
  grey: "bg-[#dbe0e3] text-nhs-text border-nhs-text",
  blue: "bg-[#dbe7f3] text-nhs-dark-blue border-nhs-dark-blue",
  green: "bg-[#cce5d8] text-nhs-dark-green border-nhs-dark-green",
  yellow: "bg-[#fff0c7] text-[#594000] border-[#594000]",
  orange: "bg-[#fbe2bf] text-[#532f00] border-[#532f00]",
  red: "bg-[#f7d4d1] text-nhs-dark-red border-nhs-dark-red",
};

const statusColours: Record<TagColour, readonly string[]> = {
  grey: ["DRAFT", "CLOSED", "CANCELLED", "SUPERSEDED", "ARCHIVED", "NOT_STARTED", "INACTIVE"],
  blue: [
    "SUBMITTED",
    "IN_REVIEW",
    "ISSUED",
    "OPEN",
    "IN_PROGRESS",
    "SCHEDULED",
    "PLANNED",
    "IN_DEVELOPMENT",
    "UNDER_PERIODIC_REVIEW",
    "ASSIGNED",
    "PENDING",
    "RESPONDED",
    "REPORTED",
    "COMMISSIONED",
  ],
  green: [
    "ENDORSED",
    "ENDORSE",
    "APPROVED",
    "ACCEPTED",
    "MET",
    "PASSED",
    "PUBLISHED",
    "RECOGNISED",
    "CONCLUDED",
    "COMPLETED",
    "MEETS_STANDARDS",
    "REAFFIRMED",
    "ACTIVE",
    "SENT",
    "NOTED",
    "LOW",
  ],
  yellow: [
    "CHANGES_REQUESTED",
    "REQUEST_CHANGES",
    "QUERIED",
    "REQUIRES_IMPROVEMENT",
    "REVISION_REQUIRED",
    "PARTIALLY_MET",
    "APPROVED_WITH_CONDITIONS",
    "ENDORSE_WITH_CONDITIONS",
    "DUE_SOON",
    "MORE_INFORMATION_REQUESTED",
    "PLAN_REVIEW_REQUIRED",
    "MEDIUM",
  ],
  orange: ["OVERDUE"],
  red: ["DECLINED", "DECLINE", "REJECTED", "WITHDRAWN", "SUSPENDED", "NOT_MET", "FAILED", "DOES_NOT_MEET", "REVOKED", "EXPIRED", "HIGH"],
};

const colourByStatus = new Map<string, TagColour>(
  Object.entries(statusColours).flatMap(([colour, statuses]) => statuses.map((s) => [s, colour as TagColour])),
);

export function tagColour(status: string): TagColour {
  return colourByStatus.get(status.toUpperCase()) ?? "grey";
}

/** "CHANGES_REQUESTED" → "Changes requested". */
export function humaniseStatus(status: string): string {
  const words = status.toLowerCase().replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type StatusTagProps = { status: string; label?: string };

/** The one way a workflow state is shown to users. */
export function StatusTag({ status, label }: StatusTagProps) {
  return <strong className={`nhs-tag ${colourClasses[tagColour(status)]}`}>{label ?? humaniseStatus(status)}</strong>;
}
