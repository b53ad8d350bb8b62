type TagColour = "grey" | "blue" | "green" | "yellow" | "orange" | "red";

// Each colour is a class in app/globals.css (`.nhs-tag-<colour>`): dark text on a tint of the same hue, every pair
// ≥ 8.5:1 (WCAG AA needs 4.5:1). The text is always shown, so colour is never the only cue, and the border keeps the
// tag's shape visible when printed.

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
  return <strong className={`nhs-tag nhs-tag-${tagColour(status)}`}>{label ?? humaniseStatus(status)}</strong>;
}
