import { PILLAR_LABELS, SPECIFICATION_SECTIONS, type Pillar, type SpecificationSectionKey } from "@/lib/workflow";

// A specification version's sections as plain text, in section order: what the compare page diffs.

export type SpecificationContentView = {
  number: number;
  purposeAndScope: string;
  targetGroup: string;
  /** The professions the target group names, from the list, by name (beside the narrative). */
  targetProfessions?: { profession: { name: string } }[];
  entryRequirements: string;
  linksToOtherProvision: string;
  assessmentStrategy: string;
  academicLevel: number;
  credits: number | null;
  notionalHours: number | null;
  deliveryModes: string[];
  supervisionRequirements: string;
  evidenceBase: string;
  changeSummary: string;
  /** `id` only where the editor needs it: a saved outcome keeps its capability mapping. */
  learningOutcomes: { id?: string; text: string; pillars: Pillar[] }[];
  epas: { title: string; description: string }[];
};

/** The target group's professions as one line, in name order; "" when it names none. */
export const targetProfessionNames = (v: Pick<SpecificationContentView, "targetProfessions">) =>
  (v.targetProfessions ?? []).map((t) => t.profession.name).join(", ");

export const pillarList = (pillars: readonly Pillar[]) => pillars.map((p) => PILLAR_LABELS[p]).join(", ");

/** The sections a version has: the change summary belongs to revisions only. */
export function sectionsOf(v: { number: number }) {
  return SPECIFICATION_SECTIONS.filter((s) => !("onlyForRevisions" in s) || v.number > 1);
}

/** Each item of a list section as one line, so lists can be compared item by item. */
export function sectionItems(v: SpecificationContentView, key: "learningOutcomes" | "epas"): string[] {
  return key === "learningOutcomes"
    ? v.learningOutcomes.map((o) => `${o.text} (Pillars: ${pillarList(o.pillars) || "none"})`)
    : v.epas.map((e) => `${e.title}: ${e.description}`);
}

export function sectionText(v: SpecificationContentView, key: SpecificationSectionKey): string {
  switch (key) {
    case "learningOutcomes":
    case "epas":
      return sectionItems(v, key).join("\n");
    case "academicLevel":
      return String(v.academicLevel);
    case "credits":
    case "notionalHours":
      return v[key] === null ? "" : String(v[key]);
    case "deliveryModes":
      return v.deliveryModes.join(", ");
    case "targetGroup": {
      const names = targetProfessionNames(v);
      return names ? `${v.targetGroup}\n\nProfessions: ${names}`.trim() : v.targetGroup;
    }
    default:
      return v[key];
  }
}
