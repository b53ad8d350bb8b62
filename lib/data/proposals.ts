import "server-only";
import { changes, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { criteriaSetInEffect, publishedSetInEffect, ratableNumbers, ratingCriteria } from "@/lib/data/criteria-sets";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { addPriority } from "@/lib/data/priorities";
import { assertRole, gatewayProposalScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { notifyStaff, notifyUsers, type Message } from "@/lib/notify";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GatewayProposalStatus } from "@/lib/generated/prisma/enums";
import { availableTransitions, gatewayProposalMachine, PROPOSERS, STAFF, type Actor } from "@/lib/workflow";
import { hasText } from "@/lib/workflow/guards";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";
import { proposalAcceptSchema, proposalAssessmentSchema, proposalCreateSchema, proposalEditSchema } from "@/lib/validation/proposal";

// Gateway proposals from the field. A proposal is made against the gateway criteria set in effect when it is started
// and keeps that set, so its evidence and staff's verdicts always read against the criteria they were given for.

async function loadProposal(tx: Tx, actor: Actor, id: string) {
  return loadOrThrow("Gateway proposal", tx.gatewayProposal.findFirst({ where: { id, ...gatewayProposalScope(actor) } }));
}

export const proposalLink = (id: string) => `/proposals/${id}`;

/** Tells the proposing organisation's people (its expert-group members or provider staff), except whoever acted. */
async function notifyProposers(tx: Tx, proposal: { organisationId: string }, message: Message, actor: Actor) {
  const members = await tx.user.findMany({
    where: { organisationId: proposal.organisationId, role: { in: PROPOSERS.filter((r) => r !== "SYSTEM") }, active: true },
    select: { id: true },
  });
  await notifyUsers(
    tx,
    members.map((m) => m.id),
    message,
    actor.id,
  );
}

/** How many of the set's rated criteria lack evidence, and how many lack staff's verdict. */
async function proposalContext(tx: Tx, proposal: { id: string; criteriaSetId: string }, reason?: string) {
  const numbers = await ratableNumbers(tx, proposal.criteriaSetId);
  const answers = await tx.gatewayProposalAnswer.findMany({
    where: { proposalId: proposal.id, criterionId: { in: [...numbers.keys()] } },
    select: { evidence: true, verdict: true },
  });
  const answered = answers.filter((a) => hasText(a.evidence)).length;
  const assessed = answers.filter((a) => a.verdict !== null).length;
  return { unanswered: numbers.size - answered, unassessed: numbers.size - assessed, reason };
}

/** Refuses evidence or verdicts for criteria not in the proposal's set (a stale form), by the field it came from. */
function checkCriteria(numbers: Map<string, string>, rows: { criterionId: string }[], field: string) {
  const unknown = rows.findIndex((r) => !numbers.has(r.criterionId));
  if (unknown !== -1) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
      [`${field}.${unknown}.criterionId`]: ["This gateway criterion is not part of the proposal's criteria set; reload the page"],
    });
  }
}

async function writeEvidence(tx: Tx, proposalId: string, evidence: { criterionId: string; text: string }[]) {
  for (const e of evidence) {
    await tx.gatewayProposalAnswer.upsert({
      where: { proposalId_criterionId: { proposalId, criterionId: e.criterionId } },
      create: { proposalId, criterionId: e.criterionId, evidence: e.text },
      update: { evidence: e.text },
    });
  }
}

export const createProposal = defineCommand(proposalCreateSchema, async (tx, input, actor) => {
  assertRole(actor, PROPOSERS, "propose an area of practice");
  if (!actor.organisationId) throw new AppError("NOT_ALLOWED", "Only members of an organisation can propose an area of practice.");
  const set = await criteriaSetInEffect(tx, "GATEWAY");
  checkCriteria(await ratableNumbers(tx, set.id), input.evidence, "evidence");
  const proposal = await tx.gatewayProposal.create({
    data: {
      title: input.title,
      needSummary: input.needSummary,
      organisationId: actor.organisationId,
      proposedById: actor.id,
      criteriaSetId: set.id,
    },
  });
  await writeEvidence(tx, proposal.id, input.evidence);
  await recordAudit(tx, { entityType: "GatewayProposal", entityId: proposal.id, action: "create", to: proposal.status, actor });
  return proposal;
});

export const editProposal = defineCommand(proposalEditSchema, async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  const numbers = await ratableNumbers(tx, row.criteriaSetId);
  checkCriteria(numbers, input.evidence, "evidence");
  const fields = { title: input.title, needSummary: input.needSummary };
  const result = await applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "edit",
    row,
    expectedVersion: input.version,
    actor,
    context: await proposalContext(tx, row),
    table: tx.gatewayProposal,
    data: fields,
    audit: {
      changes: changes(row, fields, ["title", "needSummary"]),
      evidenceFor: input.evidence.map((e) => `criterion ${numbers.get(e.criterionId)}`),
    },
  });
  await writeEvidence(tx, row.id, input.evidence);
  return result;
});

export const submitProposal = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "submit",
    row,
    expectedVersion: input.version,
    actor,
    context: await proposalContext(tx, row),
    table: tx.gatewayProposal,
  });
  const again = row.status === "MORE_INFORMATION_REQUESTED";
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `Gateway proposal ${again ? "resubmitted" : "submitted"}: ${row.title}`,
      body: again
        ? "The proposer has given the information asked for."
        : "A new area of practice is proposed for assessment against the gateway criteria.",
      link: proposalLink(row.id),
    },
    actor.id,
  );
  return result;
});

export const assessProposal = defineCommand(proposalAssessmentSchema, async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  const numbers = await ratableNumbers(tx, row.criteriaSetId);
  checkCriteria(numbers, input.criteria, "criteria");
  const judged = input.criteria.filter((c) => c.verdict);
  const result = await applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "assess",
    row,
    expectedVersion: input.version,
    actor,
    context: await proposalContext(tx, row),
    table: tx.gatewayProposal,
    data: { feedback: input.feedback },
    audit: {
      criteria: judged.map((c) => ({ number: numbers.get(c.criterionId) ?? "", verdict: c.verdict ?? "" })),
      changes: changes(row, { feedback: input.feedback }, ["feedback"]),
    },
  });
  const assessedAt = new Date();
  for (const c of judged) {
    const verdict = { verdict: c.verdict || null, assessmentComment: c.comment, assessedById: actor.id, assessedAt };
    await tx.gatewayProposalAnswer.upsert({
      where: { proposalId_criterionId: { proposalId: row.id, criterionId: c.criterionId } },
      create: { proposalId: row.id, criterionId: c.criterionId, ...verdict },
      update: verdict,
    });
  }
  return result;
});

export const requestMoreInformation = defineCommand(reasonedTransitionSchema("asking for more information"), async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  await notifyProposers(
    tx,
    row,
    { kind: "DECISIONS", title: `More information asked for: ${row.title}`, body: input.reason, link: proposalLink(row.id) },
    actor,
  );
  return applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "requestMoreInformation",
    row,
    expectedVersion: input.version,
    actor,
    context: await proposalContext(tx, row, input.reason),
    table: tx.gatewayProposal,
    // What more is needed is the feedback the proposer reads.
    data: { feedback: input.reason },
    reason: input.reason,
  });
});

export const declineProposal = defineCommand(reasonedTransitionSchema("declining this proposal"), async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  await notifyProposers(
    tx,
    row,
    { kind: "DECISIONS", title: `Gateway proposal declined: ${row.title}`, body: input.reason, link: proposalLink(row.id) },
    actor,
  );
  return applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "decline",
    row,
    expectedVersion: input.version,
    actor,
    context: await proposalContext(tx, row, input.reason),
    table: tx.gatewayProposal,
    data: { declinedReason: input.reason },
    reason: input.reason,
  });
});

/** The proposal becomes a draft priority in the chosen open round, through the same code path as a new priority. */
export const acceptProposal = defineCommand(proposalAcceptSchema, async (tx, input, actor) => {
  const row = await loadProposal(tx, actor, input.id);
  const { id: _id, version, ...priorityFields } = input;
  const context = await proposalContext(tx, row);
  const result = await applyTransition(tx, {
    machine: gatewayProposalMachine,
    transition: "accept",
    row,
    expectedVersion: version,
    actor,
    context,
    table: tx.gatewayProposal,
  });
  const round = await tx.priorityRound.findUnique({ where: { id: input.roundId }, select: { status: true } });
  if (round?.status !== "OPEN") {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
      roundId: ["Choose a priority round that is open"],
    });
  }
  const priority = await addPriority(tx, priorityFields, actor);
  await tx.gatewayProposal.update({ where: { id: row.id }, data: { priorityId: priority.id } });
  await notifyProposers(
    tx,
    row,
    {
      kind: "DECISIONS",
      title: `Gateway proposal accepted: ${row.title}`,
      body: "Your proposal is now a priority in a priority round.",
      link: proposalLink(row.id),
    },
    actor,
  );
  await recordAudit(tx, {
    entityType: "Priority",
    entityId: priority.id,
    action: "createFromProposal",
    to: priority.status,
    actor,
    data: { proposalId: row.id },
  });
  return { ...result, priorityId: priority.id };
});

export type ProposalFilters = { status?: string; page?: string };
export const PROPOSALS_PAGE_SIZE = LIST_PAGE_SIZE;
const STATUSES = Object.values(GatewayProposalStatus);

export async function listProposals(actor: Actor, filters: ProposalFilters = {}) {
  const status = oneOf(STATUSES, filters.status);
  const where: Prisma.GatewayProposalWhereInput = { ...gatewayProposalScope(actor), ...(status ? { status } : {}) };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().gatewayProposal.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, PROPOSALS_PAGE_SIZE),
      select: { id: true, title: true, status: true, updatedAt: true, organisation: { select: { name: true } } },
    }),
    db().gatewayProposal.count({ where }),
  ]);
  return { ...pageResult(rows, total, page, PROPOSALS_PAGE_SIZE), status };
}

/** The gateway criteria a new proposal is made against, with their guidance; null while no set is in effect. */
export async function criteriaForNewProposal() {
  const inEffect = await publishedSetInEffect(db(), "GATEWAY");
  if (!inEffect) return null;
  const set = await db().criteriaSet.findUniqueOrThrow({ where: { id: inEffect.id }, select: { id: true, name: true } });
  return { set, criteria: await ratingCriteria(set.id) };
}

export async function getProposal(actor: Actor, id: string) {
  const p = await db().gatewayProposal.findFirst({
    where: { id, ...gatewayProposalScope(actor) },
    select: {
      id: true,
      title: true,
      needSummary: true,
      status: true,
      feedback: true,
      declinedReason: true,
      version: true,
      criteriaSetId: true,
      createdAt: true,
      organisation: { select: { name: true } },
      proposedBy: { select: { name: true } },
      criteriaSet: { select: { name: true } },
      priority: { select: { id: true, title: true, status: true, round: { select: { name: true } } } },
      answers: { select: { criterionId: true, evidence: true, verdict: true, assessmentComment: true } },
    },
  });
  if (!p) return null;
  const criteria = await ratingCriteria(p.criteriaSetId);
  const byCriterion = new Map(p.answers.map((a) => [a.criterionId, a]));
  const context = await proposalContext(db(), p);
  const available = availableTransitions(gatewayProposalMachine, p.status, { ...context, actor }).map((t) => t.name);
  return {
    ...p,
    context,
    available,
    criteria: criteria.map((c) => ({ ...c, answer: byCriterion.get(c.id) ?? null })),
  };
}
export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof getProposal>>>;

/** The rounds a proposal can be accepted into. */
export async function openRounds(actor: Actor) {
  assertRole(actor, STAFF, "accept a gateway proposal");
  return db().priorityRound.findMany({ where: { status: "OPEN" }, orderBy: { name: "desc" }, take: 50, select: { id: true, name: true } });
}

/** Dashboard tasks: for staff, proposals waiting to be assessed; for a proposer, its drafts and the questions asked. */
export async function proposalTasks(actor: Actor, take: number) {
  const staff = actor.role === "CENTRE_STAFF";
  const rows = await db().gatewayProposal.findMany({
    where: {
      ...gatewayProposalScope(actor),
      status: { in: staff ? ["SUBMITTED", "UNDER_ASSESSMENT"] : ["DRAFT", "MORE_INFORMATION_REQUESTED"] },
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, title: true, status: true },
  });
  const TASK: Partial<Record<GatewayProposalStatus, string>> = {
    SUBMITTED: "Assess the gateway proposal",
    UNDER_ASSESSMENT: "Finish assessing the gateway proposal",
    DRAFT: "Complete and submit the gateway proposal",
    MORE_INFORMATION_REQUESTED: "Give the information asked for and resubmit",
  };
  return rows.map((p) => ({ key: `proposal-${p.id}`, task: TASK[p.status] ?? "", name: p.title, dueOn: null, href: proposalLink(p.id) }));
}
