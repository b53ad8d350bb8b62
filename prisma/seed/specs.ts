// Specification versions: content, learning outcomes (mapped to the framework's core capabilities), EPAs, and the version's audit history.
import { step, trail, type Step } from "./audit";
import { mapDemoVersion } from "./framework";
import type { SpecContent } from "./content/types";
import type { SpecificationStatus } from "../../lib/generated/prisma/enums";
import type { SeedUser, Tx } from "./types";

export type SpecDecision = "endorse" | "endorseWithConditions" | "requestChanges" | "decline";

const DECISION_STATUS: Record<SpecDecision, SpecificationStatus> = {
  endorse: "ENDORSED",
  endorseWithConditions: "ENDORSED",
  requestChanges: "CHANGES_REQUESTED",
  decline: "DECLINED",
};

/** What has happened to a version so far; its status follows from the last event. */
export type VersionHistory = {
  createdAt: Date;
  createdBy: SeedUser;
  submitted?: { at: Date; by: SeedUser };
  reviewStarted?: { at: Date; by: SeedUser };
  decided?: { action: SpecDecision; at: Date; by: SeedUser };
};

export type SeededVersion = { id: string; number: number; status: SpecificationStatus; outcomeIds: string[] };

function statusOf(h: VersionHistory): SpecificationStatus {
  if (h.decided) return DECISION_STATUS[h.decided.action];
  if (h.reviewStarted) return "IN_REVIEW";
  if (h.submitted) return "SUBMITTED";
  return "DRAFT";
}

function historySteps(h: VersionHistory): Step[] {
  const steps = [step("create", null, "DRAFT", h.createdBy, h.createdAt)];
  if (h.submitted) steps.push(step("submit", "DRAFT", "SUBMITTED", h.submitted.by, h.submitted.at));
  if (h.reviewStarted) steps.push(step("startReview", "SUBMITTED", "IN_REVIEW", h.reviewStarted.by, h.reviewStarted.at));
  if (h.decided) {
    const d = h.decided;
    steps.push(step(d.action, "IN_REVIEW", DECISION_STATUS[d.action], d.by, d.at));
  }
  return steps;
}

export async function createVersion(
  tx: Tx,
  opts: { credentialId: string; number: number; content: SpecContent; history: VersionHistory; basedOnId?: string },
): Promise<SeededVersion> {
  const { outcomes, epas = [], changeSummary = "", targetProfessions, ...sections } = opts.content;
  const listed = await tx.profession.findMany({ where: { name: { in: targetProfessions } }, select: { id: true, name: true } });
  const missing = targetProfessions.filter((name) => !listed.some((p) => p.name === name));
  if (missing.length > 0) throw new Error(`Specification target group names professions not on the list: ${missing.join(", ")}`);
  const h = opts.history;
  const status = statusOf(h);
  const version = await tx.specificationVersion.create({
    data: {
      ...sections,
      changeSummary: opts.number > 1 ? changeSummary : "",
      credentialId: opts.credentialId,
      number: opts.number,
      status,
      basedOnId: opts.basedOnId ?? null,
      academicLevel: 7,
      createdById: h.createdBy.id,
      submittedAt: h.submitted?.at ?? null,
      decidedAt: h.decided?.at ?? null,
      createdAt: h.createdAt,
      learningOutcomes: { create: outcomes.map((o, i) => ({ position: i + 1, text: o.text, pillars: o.pillars })) },
      epas: { create: epas.map((e, i) => ({ position: i + 1, ...e })) },
      targetProfessions: { create: listed.map((p) => ({ professionId: p.id })) },
    },
    select: {
      id: true,
      number: true,
      frameworkEditionId: true,
      learningOutcomes: { select: { id: true, text: true, pillars: true }, orderBy: { position: "asc" } },
    },
  });
  await mapDemoVersion(tx, { id: version.id, editionId: version.frameworkEditionId, outcomes: version.learningOutcomes });
  await trail(tx, "SpecificationVersion", version.id, historySteps(h));
  return { id: version.id, number: version.number, status, outcomeIds: version.learningOutcomes.map((o) => o.id) };
}
