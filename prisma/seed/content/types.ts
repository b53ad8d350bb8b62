import type { Pillar } from "../../../lib/generated/prisma/enums";

export type Outcome = { text: string; pillars: Pillar[] };
export type EpaContent = { title: string; description: string };

/** The sections of a specification version (see DOMAIN.md, "Specification version"). */
export type SpecContent = {
  purposeAndScope: string;
  targetGroup: string;
  /** The professions the target group names, by their names on the Profession list the migrations bring. */
  targetProfessions: string[];
  entryRequirements: string;
  linksToOtherProvision: string;
  assessmentStrategy: string;
  credits: number;
  notionalHours: number;
  deliveryModes: string[];
  supervisionRequirements: string;
  evidenceBase: string;
  outcomes: Outcome[];
  epas?: EpaContent[];
  changeSummary?: string;
};

const PILLARS = { C: "CLINICAL_PRACTICE", L: "LEADERSHIP_AND_MANAGEMENT", E: "EDUCATION", R: "RESEARCH" } as const;

/** A learning outcome mapped to pillars by initial: C(linical), L(eadership), E(ducation), R(esearch). */
export function lo(text: string, ...pillars: (keyof typeof PILLARS)[]): Outcome {
  return { text, pillars: pillars.map((p) => PILLARS[p]) };
}

/** Standard entry requirements, with the area-specific part appended. */
export function entry(specific: string): string {
  return (
    "Current registration with the relevant UK statutory regulator; normally at least three years' post-registration experience; " +
    "employer support including protected learning time and a named supervisor. " +
    specific
  );
}
