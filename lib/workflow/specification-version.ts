import { type CredentialOrigin, type CredentialStatus } from "./credential";
import { capabilitiesAccountedFor } from "./capability-coverage";
import { allOf, forRole, hasText, nothingMissing, ownOrganisation, requireConditions, requireRationale, thereAre } from "./guards";
import { expertiseMix, type ReviewerExpertiseContext } from "./reviewer-expertise";
import { defineMachine, STAFF, STAFF_OR_SYSTEM, UNCHANGED, type Guard, type Permission, type Transition } from "./types";

export const SPECIFICATION_STATES = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "ENDORSED", "DECLINED", "SUPERSEDED"] as const;
export type SpecificationStatus = (typeof SPECIFICATION_STATES)[number];

export const MIN_REVIEWERS = 2;

export interface SpecificationVersionContext extends ReviewerExpertiseContext {
  /** The credential's owning expert group. */
  organisationId: string;
  credentialOrigin: CredentialOrigin;
  /** Labels of required sections still missing, from `missingSections`. */
  missingSections: readonly string[];
  /** Numbers of core capabilities no outcome covers and nothing accounts for, from `missingCapabilities`; only submit asks. */
  missingCapabilities?: readonly string[];
  /** Reviewers assigned and not withdrawn. */
  reviewerCount: number;
  submittedAssessmentCount: number;
  rationale?: string | null;
  conditions?: readonly string[] | null;
}
type Ctx = SpecificationVersionContext;

const ownerExpert = ownOrganisation("EXPERT", "specification");

/** The expert group writes its specifications; staff write only those of completed pilot phase 1 resources. */
function ownerOrPilotStaff(verb: string): Guard<Ctx> {
  return allOf<Ctx>(
    ownerExpert,
    forRole("CENTRE_STAFF", (ctx) =>
      ctx.credentialOrigin === "PILOT_PHASE_1"
        ? null
        : `Centre staff can only ${verb} the specification of a pilot phase 1 credential; the expert group writes this one.`,
    ),
  );
}

const sectionsComplete: Guard<Ctx> = (ctx) =>
  nothingMissing(ctx.missingSections, (list) => `Complete these sections before submitting: ${list}.`);

const capabilitiesCovered: Guard<Ctx> = (ctx) => capabilitiesAccountedFor(ctx.missingCapabilities ?? []);

const enoughReviewers: Guard<Ctx> = (ctx) =>
  ctx.reviewerCount >= MIN_REVIEWERS
    ? null
    : `Assign at least ${MIN_REVIEWERS} reviewers before starting the review; ${thereAre(ctx.reviewerCount)}.`;

/** A decision on a specification (and on its endorsement review) waits for this many submitted assessments. */
export const enoughAssessments: Guard<{ submittedAssessmentCount: number }> = (ctx) =>
  ctx.submittedAssessmentCount >= MIN_REVIEWERS
    ? null
    : `A decision needs at least ${MIN_REVIEWERS} submitted reviewer assessments; ${thereAre(ctx.submittedAssessmentCount)}.`;

type DecisionName = "endorse" | "endorseWithConditions" | "requestChanges" | "decline";

function decision(
  name: DecisionName,
  to: SpecificationStatus,
  label: string,
  verb: string,
  participle: string,
  input: Guard<Ctx> = requireRationale(),
): Transition<SpecificationStatus, Ctx, DecisionName> {
  return {
    name,
    from: ["IN_REVIEW"],
    to,
    roles: STAFF,
    label,
    verb,
    participle,
    guard: allOf<Ctx>(enoughAssessments, expertiseMix),
    input,
  };
}

export const specificationVersionMachine = defineMachine<SpecificationStatus, Ctx>()({
  entity: "SpecificationVersion",
  noun: "specification version",
  states: SPECIFICATION_STATES,
  initial: "DRAFT",
  labels: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    IN_REVIEW: "In review",
    CHANGES_REQUESTED: "Changes requested",
    ENDORSED: "Endorsed",
    DECLINED: "Declined",
    SUPERSEDED: "Superseded",
  },
  transitions: [
    {
      name: "edit",
      from: ["DRAFT"],
      to: UNCHANGED,
      roles: ["EXPERT", "CENTRE_STAFF"],
      label: "Edit specification",
      verb: "edit a specification",
      participle: "edited",
      guard: ownerOrPilotStaff("edit"),
    },
    {
      name: "submit",
      from: ["DRAFT"],
      to: "SUBMITTED",
      roles: ["EXPERT", "CENTRE_STAFF"],
      label: "Submit for endorsement",
      verb: "submit a specification",
      participle: "submitted",
      guard: allOf(ownerOrPilotStaff("submit"), sectionsComplete, capabilitiesCovered),
    },
    {
      name: "recall",
      from: ["SUBMITTED"],
      to: "DRAFT",
      roles: ["EXPERT"],
      label: "Recall submission",
      verb: "recall a submitted specification",
      participle: "recalled",
      guard: ownerExpert,
    },
    {
      name: "startReview",
      from: ["SUBMITTED"],
      to: "IN_REVIEW",
      roles: STAFF,
      label: "Start endorsement review",
      verb: "start the endorsement review",
      participle: "put into review",
      // The reviewers are chosen in the same form that starts the review, so their number is input, not a fact.
      input: enoughReviewers,
    },
    decision("endorse", "ENDORSED", "Endorse", "endorse a specification", "endorsed"),
    decision(
      "endorseWithConditions",
      "ENDORSED",
      "Endorse with conditions",
      "endorse a specification with conditions",
      "endorsed with conditions",
      allOf<Ctx>(requireRationale(), requireConditions("endorse with conditions")),
    ),
    decision("requestChanges", "CHANGES_REQUESTED", "Request changes", "request changes to a specification", "sent back for changes"),
    decision("decline", "DECLINED", "Decline", "decline a specification", "declined"),
    {
      name: "reopenOnAppeal",
      from: ["DECLINED"],
      to: "IN_REVIEW",
      roles: STAFF,
      label: "Return to review",
      verb: "return a declined specification to review",
      participle: "returned to review",
    },
    {
      name: "supersede",
      from: ["ENDORSED"],
      to: "SUPERSEDED",
      roles: STAFF_OR_SYSTEM,
      label: "Mark as superseded",
      verb: "supersede a specification version",
      participle: "superseded",
    },
  ],
});

export const ENDORSEMENT_DECISIONS = ["ENDORSE", "ENDORSE_WITH_CONDITIONS", "REQUEST_CHANGES", "DECLINE"] as const;
export type EndorsementDecision = (typeof ENDORSEMENT_DECISIONS)[number];
export const ENDORSEMENT_DECISION_LABELS: Record<EndorsementDecision, string> = {
  ENDORSE: "Endorse",
  ENDORSE_WITH_CONDITIONS: "Endorse with conditions",
  REQUEST_CHANGES: "Request changes",
  DECLINE: "Decline",
};
export const DECISION_TRANSITIONS: Record<EndorsementDecision, DecisionName> = {
  ENDORSE: "endorse",
  ENDORSE_WITH_CONDITIONS: "endorseWithConditions",
  REQUEST_CHANGES: "requestChanges",
  DECLINE: "decline",
};

/** Revisions are new versions: after changes were requested, or when periodic review found an endorsed one needs revision. */
export function canStartNewVersion(previousStatus: SpecificationStatus, credentialStatus: CredentialStatus): Permission {
  if (credentialStatus === "WITHDRAWN") {
    return { ok: false, code: "WRONG_STATE", reason: "No new version can be started for a withdrawn credential." };
  }
  if (previousStatus === "CHANGES_REQUESTED") return { ok: true };
  if (previousStatus === "ENDORSED" && credentialStatus === "REVISION_REQUIRED") return { ok: true };
  const current = specificationVersionMachine.labels[previousStatus];
  return {
    ok: false,
    code: "WRONG_STATE",
    reason: `A new version can only be started after changes were requested, or when an endorsed credential needs revision; the latest version is ${current}.`,
  };
}

// Sections of a specification, in the order they are written and shown.

export const PILLARS = ["CLINICAL_PRACTICE", "LEADERSHIP_AND_MANAGEMENT", "EDUCATION", "RESEARCH"] as const;
export type Pillar = (typeof PILLARS)[number];
export const PILLAR_LABELS: Record<Pillar, string> = {
  CLINICAL_PRACTICE: "Clinical practice",
  LEADERSHIP_AND_MANAGEMENT: "Leadership and management",
  EDUCATION: "Education",
  RESEARCH: "Research",
};

export const DEFAULT_ACADEMIC_LEVEL = 7;

export const SPECIFICATION_SECTIONS = [
  { key: "purposeAndScope", label: "Purpose and scope", required: true },
  { key: "targetGroup", label: "Target group", required: true },
  { key: "entryRequirements", label: "Entry requirements", required: true },
  { key: "learningOutcomes", label: "Area-specific capabilities (learning outcomes)", required: true },
  { key: "epas", label: "Entrustable professional activities", required: false },
  { key: "linksToOtherProvision", label: "Links to other advanced-practice provision", required: true },
  { key: "assessmentStrategy", label: "Assessment strategy", required: true },
  { key: "academicLevel", label: "Academic level", required: true },
  { key: "credits", label: "Credits", required: true },
  { key: "notionalHours", label: "Notional learning hours", required: true },
  { key: "deliveryModes", label: "Delivery modes", required: true },
  { key: "supervisionRequirements", label: "Supervision requirements", required: true },
  { key: "evidenceBase", label: "Evidence base", required: true },
  // Required only for versions after the first: it tells reviewers what the revision changed.
  { key: "changeSummary", label: "Change summary", required: true, onlyForRevisions: true },
] as const satisfies readonly { key: string; label: string; required: boolean; onlyForRevisions?: boolean }[];
export type SpecificationSectionKey = (typeof SPECIFICATION_SECTIONS)[number]["key"];

export interface LearningOutcomeDraft {
  text: string | null;
  pillars: readonly Pillar[];
}

type SectionValue = string | number | readonly unknown[] | null | undefined;
export type SpecificationContent = {
  [K in Exclude<SpecificationSectionKey, "learningOutcomes">]?: SectionValue;
} & { learningOutcomes?: readonly LearningOutcomeDraft[] | null };

function isPresent(value: SectionValue): boolean {
  if (typeof value === "string") return hasText(value);
  if (typeof value === "number") return Number.isFinite(value) && value > 0;
  return Array.isArray(value) && value.length > 0;
}

/** Every capability needs text and at least one pillar of advanced practice. */
function outcomesComplete(outcomes: readonly LearningOutcomeDraft[] | null | undefined): boolean {
  const list = outcomes ?? [];
  return list.length > 0 && list.every((outcome) => hasText(outcome.text) && outcome.pillars.length > 0);
}

/** Labels of the required sections still missing, in section order. */
export function missingSections(spec: SpecificationContent, options: { isFirstVersion: boolean }): string[] {
  return SPECIFICATION_SECTIONS.filter((section) => {
    if (!section.required) return false;
    if ("onlyForRevisions" in section && options.isFirstVersion) return false;
    if (section.key === "learningOutcomes") return !outcomesComplete(spec.learningOutcomes);
    return !isPresent(spec[section.key]);
  }).map((section) => section.label);
}
