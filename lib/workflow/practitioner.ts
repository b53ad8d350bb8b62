// Practitioners: who may have a completion recorded, and how they are recognised at advanced level. Pure.

export const RECOGNITION_ROUTES = ["MSC", "EPORTFOLIO", "IN_PROGRAMME"] as const;
export type RecognitionRoute = (typeof RECOGNITION_ROUTES)[number];

export const RECOGNITION_ROUTE_LABELS: Record<RecognitionRoute, string> = {
  MSC: "Advanced-practice MSc",
  EPORTFOLIO: "The Centre's ePortfolio (supported) route",
  IN_PROGRAMME: "In programme",
};

/**
 * The eligibility rule, in the words the forms show: a completion can be recorded only for a practitioner with a
 * profession from the Centre's list and a professional registration number, because the Centre recognises registered
 * professionals practising at advanced level, and the badge names both.
 */
export const ELIGIBILITY_RULE =
  "A completion can only be recorded for a practitioner who has a profession from the Centre's list and a professional registration number.";

export type EligibilityFacts = { professionId: string | null; registrationNumber: string | null };

export type Missing = "profession" | "registration number";

/** What the practitioner lacks to be eligible; empty when eligible. */
export function missingForEligibility(p: EligibilityFacts): Missing[] {
  const missing: Missing[] = [];
  if (!p.professionId) missing.push("profession");
  if (!p.registrationNumber?.trim()) missing.push("registration number");
  return missing;
}

export const isEligible = (p: EligibilityFacts) => missingForEligibility(p).length === 0;
