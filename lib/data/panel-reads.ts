import "server-only";
import { db } from "@/lib/db";
import { COVERAGE_SELECT, coverageMatrix } from "@/lib/data/capability-mapping";
import { ASSESSMENT_SELECT } from "@/lib/data/endorsement-review-reads";
import { ratingCriteria } from "@/lib/data/criteria-sets";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { assertRole, panelMeetingScope } from "@/lib/data/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  availableTransitions,
  isActiveAgendaItem,
  PANEL_MEETING_STATES,
  panelAgendaItemMachine,
  panelMeetingMachine,
  STAFF,
  type Actor,
} from "@/lib/workflow";
import { panelRecommendation } from "@/lib/data/panel-agenda-items";
import { agendaItemContext, meetingContext, PANEL_MEMBER_ROLES, panelReadyReviews } from "@/lib/data/panels";

// What the panel pages read: the meetings, one meeting with its members and agenda, the reviews ready for a panel,
// and the printable pack.

export type PanelFilters = { status?: string; page?: string };
export const PANELS_PAGE_SIZE = LIST_PAGE_SIZE;

export async function listMeetings(actor: Actor, filters: PanelFilters = {}) {
  const status = oneOf(PANEL_MEETING_STATES, filters.status);
  const where: Prisma.PanelMeetingWhereInput = { ...panelMeetingScope(actor), ...(status ? { status } : {}) };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().panelMeeting.findMany({
      where,
      orderBy: [{ meetsOn: "desc" }, { id: "asc" }],
      ...pageWindow(page, PANELS_PAGE_SIZE),
      select: {
        id: true,
        title: true,
        meetsOn: true,
        status: true,
        _count: { select: { items: { where: { status: { not: "WITHDRAWN" } } } } },
      },
    }),
    db().panelMeeting.count({ where }),
  ]);
  return { ...pageResult(rows, total, page, PANELS_PAGE_SIZE), status };
}

/** People staff may put on a panel. */
export async function panelMemberCandidates(actor: Actor) {
  assertRole(actor, STAFF, "schedule an endorsement panel");
  return db().user.findMany({
    where: { role: { in: [...PANEL_MEMBER_ROLES] }, active: true },
    orderBy: { name: "asc" },
    take: 100,
    select: { id: true, name: true, role: true, organisation: { select: { name: true } } },
  });
}

export async function meetingFor(actor: Actor, id: string) {
  const m = await db().panelMeeting.findFirst({
    where: { id, ...panelMeetingScope(actor) },
    select: {
      id: true,
      title: true,
      meetsOn: true,
      quorum: true,
      status: true,
      version: true,
      minutes: true,
      cancelledReason: true,
      attendanceRecordedAt: true,
      createdBy: { select: { name: true } },
      members: {
        orderBy: [{ chair: "desc" }, { user: { name: "asc" } }],
        select: { id: true, userId: true, chair: true, attended: true, user: { select: { name: true, role: true } } },
      },
      items: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          reviewId: true,
          status: true,
          version: true,
          recommendation: true,
          recommendationNote: true,
          recommendedAt: true,
          withdrawnReason: true,
          review: {
            select: {
              status: true,
              decision: true,
              specificationVersion: { select: { number: true, credential: { select: { id: true, reference: true, title: true } } } },
            },
          },
        },
      },
    },
  });
  if (!m) return null;
  const context = meetingContext(m);
  const available = availableTransitions(panelMeetingMachine, m.status, { ...context, actor }).map((t) => t.name);
  const candidates = available.includes("addToAgenda") ? await panelReadyReviews(db()) : [];
  const items = m.items.map((item) => ({
    ...item,
    available: availableTransitions(panelAgendaItemMachine, item.status, { ...agendaItemContext(m, item.review.status), actor }).map(
      (t) => t.name,
    ),
  }));
  return {
    ...m,
    context,
    available,
    candidates,
    items: items.filter((i) => isActiveAgendaItem(i.status) || i.status === "DECIDED"),
    withdrawn: items.filter((i) => i.status === "WITHDRAWN"),
  };
}
export type MeetingView = NonNullable<Awaited<ReturnType<typeof meetingFor>>>;

/** The panel pack: each agenda item's specification summary, coverage matrix, and its reviewers' assessments side by side. */
export async function panelPack(actor: Actor, id: string) {
  const m = await db().panelMeeting.findFirst({
    where: { id, ...panelMeetingScope(actor) },
    select: {
      id: true,
      title: true,
      meetsOn: true,
      quorum: true,
      status: true,
      members: { orderBy: [{ chair: "desc" }, { user: { name: "asc" } }], select: { chair: true, user: { select: { name: true } } } },
      items: {
        where: { status: { not: "WITHDRAWN" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, reviewId: true },
      },
    },
  });
  if (!m) return null;
  const items = await Promise.all(m.items.map((item) => packItem(item.reviewId)));
  return { ...m, items };
}

async function packItem(reviewId: string) {
  const review = await db().endorsementReview.findUniqueOrThrow({
    where: { id: reviewId },
    select: {
      id: true,
      criteriaSetId: true,
      criteriaSet: { select: { name: true, number: true } },
      specificationVersion: {
        select: {
          id: true,
          number: true,
          purposeAndScope: true,
          targetGroup: true,
          academicLevel: true,
          credits: true,
          notionalHours: true,
          deliveryModes: true,
          submittedAt: true,
          credential: { select: { id: true, reference: true, title: true, ownerOrganisation: { select: { name: true } } } },
          ...COVERAGE_SELECT,
        },
      },
      assignments: {
        where: { status: "SUBMITTED" },
        orderBy: { createdAt: "asc" },
        select: ASSESSMENT_SELECT,
      },
    },
  });
  const v = review.specificationVersion;
  const reviewerIds = review.assignments.map((a) => a.reviewer.id);
  const [criteria, comments] = await Promise.all([
    ratingCriteria(review.criteriaSetId),
    db().comment.findMany({
      where: { specificationVersionId: v.id, status: "OPEN", parentId: null, authorId: { in: reviewerIds } },
      orderBy: [{ section: "asc" }, { createdAt: "asc" }],
      take: 50,
      select: { id: true, section: true, body: true, author: { select: { name: true } } },
    }),
  ]);
  return { review, version: v, matrix: coverageMatrix(v), criteria, comments };
}
export type PanelPackItem = Awaited<ReturnType<typeof packItem>>;

/** The panel's recommendation on a review, for staff deciding it; null when no panel has made one. */
export async function panelRecommendationFor(actor: Actor, reviewId: string | undefined) {
  if (!reviewId || (actor.role !== "CENTRE_STAFF" && actor.role !== "SYSTEM")) return null;
  return panelRecommendation(db(), reviewId);
}
export type PanelRecommendationView = NonNullable<Awaited<ReturnType<typeof panelRecommendationFor>>>;
