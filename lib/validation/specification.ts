import { z } from "zod";
import { DEFAULT_ACADEMIC_LEVEL, PILLARS, SPECIFICATION_SECTIONS, type SpecificationSectionKey } from "@/lib/workflow";
import { hasControlCharacters, id, ID_PATTERN, MAX_LIST_ITEMS, optionalInt, optionalText, version } from "@/lib/validation/common";

export const DELIVERY_MODES = ["Face to face", "Blended", "Online", "Work-based"] as const;

export const MAX_OUTCOMES = 40;
export const MAX_EPAS = 20;

/** Checkboxes arrive as one string when one box is ticked, and are missing when none is. */
const ticked = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(values, { error: message }))
      .max(MAX_LIST_ITEMS, message)
      .transform((list) => [...new Set(list)]),
  );

export const CHOOSE_TARGET_PROFESSIONS = "Choose professions from the list";

/** The target group's professions, ticked by id; whether each is on the list is checked against the table. */
const targetProfessions = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string({ error: CHOOSE_TARGET_PROFESSIONS }).regex(ID_PATTERN, CHOOSE_TARGET_PROFESSIONS))
    .max(MAX_LIST_ITEMS, CHOOSE_TARGET_PROFESSIONS)
    .transform((list) => [...new Set(list)]),
);

const outcome = z.object({
  /** Sent back by the editor so an outcome keeps its capability mapping; an unknown id makes a new outcome. */
  id: id.optional().catch(undefined),
  text: optionalText(2000),
  pillars: ticked(PILLARS, "Choose pillars of advanced practice from the list"),
});

const SECTION_KEYS = SPECIFICATION_SECTIONS.map((s) => s.key) as [SpecificationSectionKey, ...SpecificationSectionKey[]];

const epa = z.object({ title: optionalText(200), description: optionalText(3000) });

/**
 * Saving a draft is lenient — any section may still be empty — but types and limits are checked. Completeness is
 * checked only on submission (`missingSections`). `intent` is the list button pressed, if any (lib/list-intent.ts).
 */
export const specificationSaveSchema = z.object({
  id,
  version,
  intent: z
    .string()
    .max(100)
    .refine((v) => !hasControlCharacters(v, false))
    .optional(),
  purposeAndScope: optionalText(10000),
  targetGroup: optionalText(10000),
  targetProfessions,
  entryRequirements: optionalText(10000),
  linksToOtherProvision: optionalText(10000),
  assessmentStrategy: optionalText(10000),
  academicLevel: optionalInt("academic level", 3, 8).transform((v) => v ?? DEFAULT_ACADEMIC_LEVEL),
  credits: optionalInt("credits", 1, 360).transform((v) => v ?? null),
  notionalHours: optionalInt("notional learning hours", 1, 10000).transform((v) => v ?? null),
  deliveryModes: ticked(DELIVERY_MODES, "Choose delivery modes from the list"),
  supervisionRequirements: optionalText(10000),
  evidenceBase: optionalText(10000),
  changeSummary: optionalText(10000),
  outcomes: z.array(outcome).max(MAX_OUTCOMES, `A specification can have up to ${MAX_OUTCOMES} learning outcomes`).optional().default([]),
  epas: z.array(epa).max(MAX_EPAS, `A specification can have up to ${MAX_EPAS} EPAs`).optional().default([]),
  completedSections: ticked(SECTION_KEYS, "Choose sections from the list"),
  /** The section whose own Save button was pressed, so the editor confirms the save there. */
  savedSection: z.enum(SECTION_KEYS).optional(),
});
export type SpecificationSaveInput = z.output<typeof specificationSaveSchema>;
