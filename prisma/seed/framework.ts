// The capability framework that specifications are mapped to: two editions of the multi-professional framework, each
// with the numbered core capabilities of its four pillars. Summaries are short paraphrases written for this service,
// not the framework's wording; the framework's own text is at each edition's source address.
//
// Sources (numbering 1.1–1.11, 2.1–2.11, 3.1–3.8, 4.1–4.8 in both editions):
// - Health Education England, "Multi-professional framework for advanced clinical practice in England" (2017),
//   https://www.hee.nhs.uk/sites/default/files/documents/multi-professionalframeworkforadvancedclinicalpracticeinengland.pdf
//   (now presented at https://advanced-practice.hee.nhs.uk/multi-professional-framework-for-advanced-practice/)
// - NHS England Centre for Advancing Practice, "Multi-professional framework for advanced practice in England" (2025),
//   https://advanced-practice.hee.nhs.uk/mpf2025/capabilities/
// The migration 20261202101657_capability_framework inserts the same rows; this module keeps them for the seed and tests.
import type { Pillar } from "../../lib/generated/prisma/enums";
import type { Tx } from "./types";

export type EditionSeed = {
  id: string;
  year: number;
  title: string;
  sourceTitle: string;
  sourceUrl: string;
  isCurrent: boolean;
  capabilities: readonly (readonly [number: string, summary: string])[];
};

const PILLAR_BY_PREFIX: Record<string, Pillar> = {
  "1": "CLINICAL_PRACTICE",
  "2": "LEADERSHIP_AND_MANAGEMENT",
  "3": "EDUCATION",
  "4": "RESEARCH",
};
export const pillarOfNumber = (number: string): Pillar => PILLAR_BY_PREFIX[number.split(".")[0]!]!;

// Both editions keep the same numbered capabilities; 2025 reworded several (2.1 adds inclusive behaviour, 3.1 speaks of
// advanced practice rather than advanced clinical practice). The paraphrases below hold for both.
const CAPABILITIES: readonly (readonly [string, string])[] = [
  ["1.1", "Works within their professional code and scope of practice, and answers for what they do and do not do."],
  [
    "1.2",
    "Understands the wider responsibility and autonomy of the role and where their own competence ends, including under uncertainty.",
  ],
  ["1.3", "Judges when to ask for help, reflecting critically on their own practice and staying open to change."],
  ["1.4", "Assesses people in partnership with them and their families, choosing suitable assessment and diagnostic methods."],
  ["1.5", "Communicates so that people can make decisions, plan their care and make changes, in a person-centred way."],
  [
    "1.6",
    "Reasons clinically through differentiated and undifferentiated presentations, combining sources into evidence-based judgements or diagnoses.",
  ],
  ["1.7", "Starts, reviews and adjusts interventions, which may include prescribing, therapies and lifestyle advice."],
  ["1.8", "Manages clinical risk in complex, unpredictable situations and helps the team keep people safe."],
  ["1.9", "Works across agencies and professions, building and reviewing links to manage risk between organisations and settings."],
  ["1.10", "Models and champions care that adapts to changing needs, informed by local population health and services."],
  ["1.11", "Shows the specialty-specific knowledge, skills and behaviours of their role and applies the capabilities to them."],
  ["2.1", "Builds working relationships and clear roles within teams so that people work together well."],
  ["2.2", "Lives the values of their organisation and keeps service delivery and development person-centred."],
  ["2.3", "Evaluates their own practice and takes part in service evaluation, showing the difference advanced practice makes."],
  ["2.4", "Uses peer review to improve their own and others' practice and acts on what is learned."],
  ["2.5", "Leads new ways of working and service redesign across boundaries in response to feedback, evaluation and need."],
  ["2.6", "Involves people who use services, communities and colleagues in co-producing improvements."],
  ["2.7", "Offers expert advice across professional and service boundaries to raise quality and reduce unwarranted variation."],
  ["2.8", "Leads teams with resilience through unfamiliar or complex situations and builds others' confidence."],
  ["2.9", "Keeps practice in step with changing population health need and scans the horizon for what is coming."],
  ["2.10", "Accepts challenge, challenges others constructively and escalates concerns about safety and wellbeing."],
  ["2.11", "Agrees an individual scope of practice within legal, ethical, professional and organisational governance, managing risk."],
  ["3.1", "Assesses their own learning needs and agrees a development plan spanning all four pillars."],
  ["3.2", "Directs their own learning, reflecting critically to grow clinical skill and the ability to lead and develop services."],
  ["3.3", "Responds to people's motivation and capacity, supporting health literacy and their part in decisions about their care."],
  ["3.4", "Promotes a learning culture in the organisation that inspires current and future staff."],
  ["3.5", "Helps the wider team work together and supports peer review to find individual and team learning."],
  ["3.6", "Identifies further development needs for individuals and the team and helps meet them."],
  ["3.7", "Builds the team's capacity and capability through work-based and interprofessional learning applied in practice."],
  ["3.8", "Acts as role model, educator, supervisor, coach and mentor, building others' confidence."],
  ["4.1", "Engages critically in research following good research practice, so evidence-based strategies improve care and value."],
  ["4.2", "Evaluates and audits their own and others' practice with sound methods and acts on the findings."],
  ["4.3", "Appraises and synthesises research, evaluation and audit to underpin their own and others' practice."],
  ["4.4", "Identifies gaps in the evidence and its use, and alerts the right people to how they could safely be addressed."],
  ["4.5", "Recognises where more research is needed and contributes to it, which may include seeking research funding."],
  ["4.6", "Develops and keeps under review robust governance and systematic documentation processes."],
  ["4.7", "Shares research findings and quality improvement work through suitable media, such as presentations and publications."],
  ["4.8", "Connects clinical practice with research through networks with academic, clinical and other researchers."],
];

export const MPF_2017_ID = "mpf-2017";
export const MPF_2025_ID = "mpf-2025";

export const FRAMEWORK_EDITIONS: readonly EditionSeed[] = [
  {
    id: MPF_2017_ID,
    year: 2017,
    title: "Multi-professional framework for advanced clinical practice in England",
    sourceTitle: "Multi-professional framework for advanced clinical practice in England (Health Education England, 2017)",
    sourceUrl: "https://www.hee.nhs.uk/sites/default/files/documents/multi-professionalframeworkforadvancedclinicalpracticeinengland.pdf",
    isCurrent: false,
    capabilities: CAPABILITIES,
  },
  {
    id: MPF_2025_ID,
    year: 2025,
    title: "Multi-professional framework for advanced practice in England",
    sourceTitle:
      "Multi-professional framework for advanced practice in England 2025: capabilities (NHS England Centre for Advancing Practice)",
    sourceUrl: "https://advanced-practice.hee.nhs.uk/mpf2025/capabilities/",
    isCurrent: true,
    capabilities: CAPABILITIES,
  },
];

/** Ids are route- and form-safe (no dots): "mpf-2017-1-10". */
export const capabilityId = (editionId: string, number: string) => `${editionId}-${number.replace(".", "-")}`;

/** The rows the migration inserts; the seed adds any that are missing (a database migrated before they existed). */
export async function seedFramework(tx: Tx): Promise<void> {
  for (const { capabilities, ...edition } of FRAMEWORK_EDITIONS) {
    await tx.frameworkEdition.upsert({ where: { id: edition.id }, create: edition, update: {} });
    await tx.coreCapability.createMany({
      data: capabilities.map(([number, summary], i) => ({
        id: capabilityId(edition.id, number),
        editionId: edition.id,
        pillar: pillarOfNumber(number),
        number,
        position: i + 1,
        summary,
      })),
      skipDuplicates: true,
    });
  }
}

// The demo specifications' capability mapping: each outcome maps to the capabilities its wording speaks to (and its
// pillars to the capabilities any outcome of that pillar develops); every capability no outcome covers is met, as the
// specifications' "links to other provision" say, through the practitioner's advanced practice programme.
const OUTCOME_RULES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/assess|history|examin/, ["1.4"]],
  [/communicat|shared decision|person-centred|famil|carer/, ["1.5"]],
  [/diagnos|interpret|differential|formulat|reason/, ["1.6"]],
  [/prescri|treat|manag|intervention|therap/, ["1.7"]],
  [/risk|deteriorat|critically unwell|escalat|safe/, ["1.8"]],
  [/multi-professional|multi-agency|coordinat|collaborat|across|refer/, ["1.9"]],
  [/lead/, ["2.8"]],
  [/service|pathway|improv|redesign/, ["2.5"]],
  [/evaluat|audit/, ["2.3", "4.2"]],
  [/teach|supervis|mentor|educat/, ["3.8"]],
  [/learning culture/, ["3.4"]],
  [/research|evidence|apprais|guidance/, ["4.3"]],
];
const PILLAR_CAPABILITIES: Record<Pillar, readonly string[]> = {
  CLINICAL_PRACTICE: ["1.11"],
  LEADERSHIP_AND_MANAGEMENT: [],
  EDUCATION: ["3.7"],
  RESEARCH: ["4.3"],
};
export const DEMO_OTHER_PROVISION =
  "Developed and assessed in the practitioner's master's-level advanced practice programme, which covers the core capabilities of all four pillars; this credential builds on it.";

/** The capability numbers a demo outcome maps to. */
export function demoCapabilities(outcome: { text: string; pillars: readonly Pillar[] }): string[] {
  const text = outcome.text.toLowerCase();
  const numbers = [
    ...OUTCOME_RULES.filter(([pattern]) => pattern.test(text)).flatMap(([, n]) => n),
    ...outcome.pillars.flatMap((p) => PILLAR_CAPABILITIES[p]),
  ];
  return [...new Set(numbers)];
}

/** Maps a seeded version's outcomes and says where the capabilities they leave uncovered are met. */
export async function mapDemoVersion(
  tx: Tx,
  v: { id: string; editionId: string; outcomes: readonly { id: string; text: string; pillars: readonly Pillar[] }[] },
) {
  const edition = FRAMEWORK_EDITIONS.find((e) => e.id === v.editionId)!;
  const covered = new Set<string>();
  const rows = v.outcomes.flatMap((o) =>
    demoCapabilities(o).map((number) => {
      covered.add(number);
      return { learningOutcomeId: o.id, coreCapabilityId: capabilityId(edition.id, number) };
    }),
  );
  await tx.outcomeCapability.createMany({ data: rows });
  await tx.uncoveredCapability.createMany({
    data: edition.capabilities
      .filter(([number]) => !covered.has(number))
      .map(([number]) => ({
        specificationVersionId: v.id,
        coreCapabilityId: capabilityId(edition.id, number),
        disposition: "OTHER_PROVISION" as const,
        provision: DEMO_OTHER_PROVISION,
      })),
  });
}
