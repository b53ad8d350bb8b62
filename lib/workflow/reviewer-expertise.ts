import { listInWords, type Guard } from "./types";

// What a reviewer brings to an endorsement review. The Centre applies its endorsement criteria through reviewers
// who hold academic and relevant clinical expertise, so a review is decided only once it has both.

export const REVIEWER_EXPERTISE = ["ACADEMIC", "CLINICAL", "SERVICE_USER_OR_LAY"] as const;
export type ReviewerExpertise = (typeof REVIEWER_EXPERTISE)[number];
export const REVIEWER_EXPERTISE_LABELS: Record<ReviewerExpertise, string> = {
  ACADEMIC: "Academic",
  CLINICAL: "Clinical",
  SERVICE_USER_OR_LAY: "Service user or lay",
};

export const REQUIRED_EXPERTISE: readonly ReviewerExpertise[] = ["ACADEMIC", "CLINICAL"];

/** The required expertise no assigned reviewer holds. */
export function missingExpertise(reviewers: readonly (readonly ReviewerExpertise[])[]): ReviewerExpertise[] {
  return REQUIRED_EXPERTISE.filter((e) => !reviewers.some((held) => held.includes(e)));
}

/** Says what is missing, e.g. "This review has no reviewer with academic expertise. …", or null. */
export function expertiseShortfall(reviewers: readonly (readonly ReviewerExpertise[])[]): string | null {
  const missing = missingExpertise(reviewers).map((e) => REVIEWER_EXPERTISE_LABELS[e].toLowerCase());
  if (missing.length === 0) return null;
  return `This review has no reviewer with ${listInWords(missing, "or")} expertise. It needs at least one academic and one clinical reviewer before it can be decided.`;
}

/** When assigning: what the chosen reviewers, with those already on the review, would still lack, or null. */
export function assignmentShortfall(reviewers: readonly (readonly ReviewerExpertise[])[]): string | null {
  const missing = missingExpertise(reviewers).map((e) => REVIEWER_EXPERTISE_LABELS[e].toLowerCase());
  if (missing.length === 0) return null;
  return `Choose at least one academic and one clinical reviewer: none of these reviewers has ${listInWords(missing, "or")} expertise.`;
}

export interface ReviewerExpertiseContext {
  /** The expertise of each reviewer still assigned (not withdrawn); unknown counts as none, so a decision waits. */
  reviewerExpertise?: readonly (readonly ReviewerExpertise[])[];
}

export const expertiseMix: Guard<ReviewerExpertiseContext> = (ctx) => expertiseShortfall(ctx.reviewerExpertise ?? []);

/** "Academic; clinical (Nurse, Paramedic)", or "None recorded". */
export function describeExpertise(expertise: readonly ReviewerExpertise[], clinicalProfessions: readonly string[] = []): string {
  if (expertise.length === 0) return "None recorded";
  return REVIEWER_EXPERTISE.filter((e) => expertise.includes(e))
    .map((e, i) => {
      const label = i === 0 ? REVIEWER_EXPERTISE_LABELS[e] : REVIEWER_EXPERTISE_LABELS[e].toLowerCase();
      return e === "CLINICAL" && clinicalProfessions.length > 0 ? `${label} (${clinicalProfessions.join(", ")})` : label;
    })
    .join("; ");
}
