import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { describeRoles, type Actor, type ActorRole } from "@/lib/workflow";

// Who may see what. Every read and every command loads rows through these filters, so a
// page or action cannot forget the organisation check: a row outside them is "not found".

const orgOf = (actor: Actor) => actor.organisationId ?? "__none__";

/**
 * A reviewer sees an endorsement review's credential, versions, assessment and comments only while their
 * assignment to it stands: once staff withdraw them, it is no longer theirs to see.
 */
export function currentReviewerAssignment(actor: Actor): Prisma.ReviewerAssignmentWhereInput {
  return { reviewerId: actor.id, status: { not: "WITHDRAWN" } };
}

export function commissionScope(actor: Actor): Prisma.CommissionWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "EXPERT") return { organisationId: orgOf(actor), status: { not: "DRAFT" } };
  return { id: "__none__" };
}

/**
 * Never where a reviewer's own organisation is the subject (conflict of interest): a reviewer's organisation may
 * have changed since they were assigned, so the assignment alone does not decide.
 */
const notOwnedByReviewer = (actor: Actor) => ({ ownerOrganisationId: { not: orgOf(actor) } });

/** Providers see credentials that are endorsed for delivery or that they have plans against. */
export function credentialScope(actor: Actor): Prisma.CredentialWhereInput {
  switch (actor.role) {
    case "CENTRE_STAFF":
    case "SYSTEM":
      return {};
    case "EXPERT":
      return { ownerOrganisationId: orgOf(actor) };
    case "PROVIDER":
      return {
        OR: [
          { status: { in: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"] } },
          { deliveryPlans: { some: { organisationId: orgOf(actor) } } },
        ],
      };
    case "REVIEWER":
      return { versions: { some: { review: { assignments: { some: currentReviewerAssignment(actor) } } } }, ...notOwnedByReviewer(actor) };
  }
}

export function specificationScope(actor: Actor): Prisma.SpecificationVersionWhereInput {
  switch (actor.role) {
    case "CENTRE_STAFF":
    case "SYSTEM":
      return {};
    case "EXPERT":
      return { credential: { ownerOrganisationId: orgOf(actor) } };
    case "PROVIDER":
      return { status: { in: ["ENDORSED", "SUPERSEDED"] } };
    case "REVIEWER":
      return { review: { assignments: { some: currentReviewerAssignment(actor) } }, credential: notOwnedByReviewer(actor) };
  }
}

/** Staff see every endorsement assignment; a reviewer sees only their own, until withdrawn from it. */
export function reviewerAssignmentScope(actor: Actor): Prisma.ReviewerAssignmentWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "REVIEWER") return currentReviewerAssignment(actor);
  return { id: "__none__" };
}

export function deliveryPlanScope(actor: Actor): Prisma.DeliveryPlanWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  if (actor.role === "REVIEWER") return { qualityReviews: { some: { reviewers: { some: { reviewerId: actor.id } } } } };
  return { id: "__none__" };
}

export function qualityActionScope(actor: Actor): Prisma.QualityActionWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  if (actor.role === "REVIEWER") return { qualityReview: { reviewers: { some: { reviewerId: actor.id } } } };
  return { id: "__none__" };
}

/** A plan's risk rating is the Centre's own judgement, for Centre staff (and the scheduler) only. */
export function planRiskScope(actor: Actor): Prisma.PlanRiskWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  return { id: "__none__" };
}

/** Enhanced monitoring and its reports: the Centre's, and the plan's provider's. */
export function enhancedMonitoringScope(actor: Actor): Prisma.EnhancedMonitoringWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { plan: { organisationId: orgOf(actor) } };
  return { id: "__none__" };
}

export function monitoringReportScope(actor: Actor): Prisma.MonitoringReportWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { monitoring: { plan: { organisationId: orgOf(actor) } } };
  return { id: "__none__" };
}

/** Annual returns are the provider's and the Centre's business; reviewers see only the reviews they carry out. */
export function annualReturnScope(actor: Actor): Prisma.AnnualReturnWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { plan: { organisationId: orgOf(actor) } };
  return { id: "__none__" };
}

export function qualityReviewScope(actor: Actor): Prisma.QualityReviewWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { plan: { organisationId: orgOf(actor) } };
  if (actor.role === "REVIEWER") return { reviewers: { some: { reviewerId: actor.id } } };
  return { id: "__none__" };
}

export function periodicReviewScope(actor: Actor): Prisma.PeriodicReviewWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  return { id: "__none__" };
}

export function impactReturnScope(actor: Actor): Prisma.ImpactReturnWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** Completions are the recording provider's and the Centre's business. */
export function completionScope(actor: Actor): Prisma.CompletionWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** A practitioner is the business of the provider that recorded them and of the Centre. */
export function practitionerScope(actor: Actor): Prisma.PractitionerWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** Published priorities for everyone; staff also see drafts and closed ones. */
export function priorityScope(actor: Actor): Prisma.PriorityWhereInput {
  return actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM" ? {} : { status: "PUBLISHED" };
}

/** Staff see every gateway proposal; an expert group or education provider sees its own organisation's. */
export function gatewayProposalScope(actor: Actor): Prisma.GatewayProposalWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "EXPERT" || actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** A change reported to a plan is the reporting provider's and the Centre's business, like the plan itself. */
export function planChangeScope(actor: Actor): Prisma.PlanChangeWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** Re-mapping tasks: staff see every provider's, a provider its own organisation's, no one else any. */
export function remappingTaskScope(actor: Actor): Prisma.RemappingTaskWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "PROVIDER") return { organisationId: orgOf(actor) };
  return { id: "__none__" };
}

/** The audit trail across the whole lifecycle is the Centre's; others see an entity's history through `historyOf`. */
export function activityScope(actor: Actor): Prisma.AuditEventWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  return { entityId: "__none__" };
}

/** Staff choose reviewers for a review; no one else lists them. */
export function reviewerCandidateScope(actor: Actor): Prisma.UserWhereInput {
  if (actor.role === "CENTRE_STAFF") return {};
  return { id: "__none__" };
}

/** Creation has no "from" state; this is its role check, worded like the state machine's refusals. */
export function assertRole(actor: Actor, roles: readonly ActorRole[], verb: string) {
  if (!roles.includes(actor.role)) throw new AppError("NOT_ALLOWED", `Only ${describeRoles(roles)} can ${verb}.`);
}

/** Endorsement panels are the Centre's own business. */
export function panelMeetingScope(actor: Actor): Prisma.PanelMeetingWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  return { id: "__none__" };
}

/** Staff see every appeal; an expert group sees the appeals against its own specifications. */
export function endorsementAppealScope(actor: Actor): Prisma.EndorsementAppealWhereInput {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return {};
  if (actor.role === "EXPERT") return { review: { specificationVersion: { credential: { ownerOrganisationId: orgOf(actor) } } } };
  return { id: "__none__" };
}
