import { CURRENCY_CHECKS, type CurrencyCheck } from "@/lib/workflow";

// The four currency checks as the pages show them: a URL slug each and the question it answers.

export const CHECK_QUESTIONS: Record<CurrencyCheck, string> = {
  CHANGING_NEEDS: "Has the workforce, population or service need that the credential meets changed?",
  EVIDENCE_BASE: "Is the evidence base still current, or is there new guidance, research or standards to reflect?",
  TECHNOLOGICAL_ADVANCES: "Do new technologies, diagnostics or digital tools change what practitioners need to be able to do?",
  NEW_MODELS_OF_CARE: "Do new models of care or ways of organising services change the advanced-practice role?",
};

/** CHANGING_NEEDS → "changing-needs". */
export const checkSlug = (kind: CurrencyCheck) => kind.toLowerCase().replace(/_/g, "-");

export const checkBySlug = (slug: string) => CURRENCY_CHECKS.find((c) => checkSlug(c.key) === slug);
