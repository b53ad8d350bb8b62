import "server-only";
import { recordAudit } from "@/lib/audit";
import { startOfDay } from "@/lib/dates";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole, panelMeetingScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, CONCURRENT_MESSAGE } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";
import { agendaAddSchema, attendanceSchema, minutesSchema, panelCreateSchema } from "@/lib/validation/panel";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  ACTIVE_AGENDA_ITEM_STATES,
  isActiveAgendaItem,
  MIN_REVIEWERS,
  panelAgendaItemMachine,
  panelMeetingMachine,
  STAFF,
  type Actor,
  type PanelAgendaItemContext,
  type PanelMeetingContext,
} from "@/lib/workflow";

// Endorsement panel meetings. A change to the meeting — scheduling, adding to its agenda, attendance, minutes, closing,
// cancelling — is a transition of the meeting. A change to one agenda item — the panel's recommendation, taking it off
// the agenda, the Centre's decision — is a transition of the item (panel-agenda-items.ts), which also takes the
// meeting's lock: of two people changing one meeting at once, one wins.

/** People who can sit on a panel: Centre staff and reviewers. */
export const PANEL_MEMBER_ROLES = ["CENTRE_STAFF", "REVIEWER"] as const;

export const invalid = (field: string, message: string) =>
  new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: [message] });

export async function loadMeeting(tx: Tx, actor: Actor, id: string) {
  return loadOrThrow(
    "Panel meeting",
    tx.panelMeeting.findFirst({
      where: { id, ...panelMeetingScope(actor) },
      select: {
        id: true,
        title: true,
        status: true,
        version: true,
        quorum: true,
        meetsOn: true,
        attendanceRecordedAt: true,
        members: { select: { userId: true, attended: true } },
        items: { select: { id: true, reviewId: true, status: true, recommendation: true } },
      },
    }),
  );
}
export type Meeting = Awaited<ReturnType<typeof loadMeeting>>;
type MeetingFacts = Pick<Meeting, "quorum" | "meetsOn" | "attendanceRecordedAt" | "members" | "items">;

const activeItems = (m: Pick<MeetingFacts, "items">) => m.items.filter((i) => isActiveAgendaItem(i.status));

/** What the meeting's machine asks about a meeting; shared with the pages so buttons and commands agree. */
export function meetingContext(m: MeetingFacts, extra: Partial<PanelMeetingContext> = {}, now = new Date()): PanelMeetingContext {
  const items = activeItems(m);
  return {
    quorum: m.quorum,
    attendanceRecorded: m.attendanceRecordedAt !== null,
    attendedCount: m.members.filter((x) => x.attended).length,
    meetingDayReached: m.meetsOn.getTime() <= startOfDay(now).getTime(),
    itemCount: items.length,
    unrecommendedCount: items.filter((i) => i.status === "ON_AGENDA").length,
    ...extra,
  };
}

/** What an agenda item's machine asks about the item and its meeting; shared with the pages. */
export function agendaItemContext(
  m: Pick<Meeting, "status" | "quorum" | "attendanceRecordedAt" | "members">,
  reviewStatus: string,
  extra: Partial<PanelAgendaItemContext> = {},
): PanelAgendaItemContext {
  return {
    meetingStatus: m.status,
    quorum: m.quorum,
    attendanceRecorded: m.attendanceRecordedAt !== null,
    attendedCount: m.members.filter((x) => x.attended).length,
    reviewDecided: reviewStatus === "DECIDED",
    ...extra,
  };
}

/**
 * Endorsement reviews ready for a panel: open, every assigned reviewer has submitted (at least the minimum), a decision
 * awaited, and not on any meeting's agenda now.
 */
export function panelReadyReviews(client: Tx, extra: Prisma.EndorsementReviewWhereInput = {}, take = 50) {
  return client.endorsementReview
    .findMany({
      where: {
        ...extra,
        status: "OPEN",
        specificationVersion: { status: "IN_REVIEW" },
        assignments: { none: { status: "ASSIGNED" } },
        agendaItems: { none: { status: { in: [...ACTIVE_AGENDA_ITEM_STATES] } } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        _count: { select: { assignments: { where: { status: "SUBMITTED" } } } },
        specificationVersion: {
          select: { number: true, credential: { select: { id: true, reference: true, title: true, ownerOrganisationId: true } } },
        },
      },
    })
    .then((rows) => rows.filter((r) => r._count.assignments >= MIN_REVIEWERS));
}

const meetingLink = (id: string) => `/panels/${id}`;
const memberIds = (m: Meeting) => m.members.map((x) => x.userId);

export const scheduleMeeting = defineCommand(panelCreateSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "schedule an endorsement panel");
  const found = await tx.user.findMany({
    where: { id: { in: input.memberIds }, role: { in: [...PANEL_MEMBER_ROLES] }, active: true },
    select: { id: true },
  });
  if (found.length !== input.memberIds.length) throw invalid("memberIds", "Choose the panel's members from the list");
  const meeting = await tx.panelMeeting.create({
    data: {
      title: input.title,
      meetsOn: input.meetsOn,
      quorum: input.quorum,
      createdById: actor.id,
      members: { create: input.memberIds.map((userId) => ({ userId, chair: userId === input.chairId })) },
    },
    select: { id: true, status: true, version: true },
  });
  await recordAudit(tx, {
    entityType: panelMeetingMachine.entity,
    entityId: meeting.id,
    action: "create",
    to: meeting.status,
    actor,
    data: { memberIds: input.memberIds, chairId: input.chairId, quorum: input.quorum },
  });
  await notifyUsers(
    tx,
    input.memberIds,
    {
      kind: "ASSIGNMENTS",
      title: `Endorsement panel on ${formatDate(input.meetsOn)}: ${input.title}`,
      body: "You are a member of this endorsement panel. Its pack of candidate specifications is on the meeting's page.",
      link: meetingLink(meeting.id),
    },
    actor.id,
  );
  return { ...meeting, transition: "created" };
});

/** A review on one meeting's agenda cannot go on another's until it comes off or is decided. */
async function refuseIfOnAnAgenda(tx: Tx, reviewId: string) {
  const held = await tx.panelAgendaItem.findFirst({
    where: { reviewId, status: { in: [...ACTIVE_AGENDA_ITEM_STATES] } },
    select: { meeting: { select: { title: true } } },
  });
  if (held) throw invalid("reviewId", `This specification is already on the agenda of ${held.meeting.title}`);
}

export const addToAgenda = defineCommand(agendaAddSchema, async (tx, input, actor) => {
  const m = await loadMeeting(tx, actor, input.id);
  const outcome = await applyTransition(tx, {
    machine: panelMeetingMachine,
    transition: "addToAgenda",
    row: m,
    expectedVersion: input.version,
    actor,
    context: meetingContext(m),
    table: tx.panelMeeting,
    audit: { reviewId: input.reviewId },
  });
  await refuseIfOnAnAgenda(tx, input.reviewId);
  const [ready] = await panelReadyReviews(tx, { id: input.reviewId });
  if (!ready) {
    // Another meeting may have taken it between the two reads: say which, rather than that it is not a candidate.
    await refuseIfOnAnAgenda(tx, input.reviewId);
    throw invalid("reviewId", "Choose a candidate specification whose assessments are all in and that awaits a decision");
  }
  // The database holds a review to one active agenda item (a partial unique index, see the migration
  // one_active_agenda_item_per_review). Skipping the duplicate, rather than failing on it, keeps the transaction usable
  // when another meeting took the review a moment ago, so the person is told which meeting.
  const [item] = await tx.panelAgendaItem.createManyAndReturn({
    data: [{ meetingId: m.id, reviewId: ready.id }],
    skipDuplicates: true,
    select: { id: true, status: true },
  });
  if (!item) {
    await refuseIfOnAnAgenda(tx, ready.id);
    throw new AppError("CONFLICT", CONCURRENT_MESSAGE);
  }
  await recordAudit(tx, {
    entityType: panelAgendaItemMachine.entity,
    entityId: item.id,
    action: "create",
    to: item.status,
    actor,
    data: { meetingId: m.id, reviewId: ready.id },
  });
  const { credential, number } = ready.specificationVersion;
  await notifyUsers(tx, await organisationMembers(tx, credential.ownerOrganisationId, "EXPERT"), {
    kind: "DECISIONS",
    title: `On the endorsement panel's agenda: ${credential.reference} version ${number}`,
    body: `The endorsement panel meeting on ${formatDate(m.meetsOn)} will consider your specification and recommend a decision to the Centre.`,
    link: `/credentials/${credential.id}/review`,
  });
  return { ...outcome, transition: "addToAgenda" };
});

export const recordAttendance = defineCommand(attendanceSchema, async (tx, input, actor) => {
  const m = await loadMeeting(tx, actor, input.id);
  if (input.attendedIds.some((id) => !memberIds(m).includes(id))) throw invalid("attendedIds", "Choose members of this panel");
  const outcome = await applyTransition(tx, {
    machine: panelMeetingMachine,
    transition: "recordAttendance",
    row: m,
    expectedVersion: input.version,
    actor,
    context: meetingContext(m),
    table: tx.panelMeeting,
    data: { attendanceRecordedAt: new Date() },
    audit: { attendedIds: input.attendedIds },
  });
  await tx.panelMember.updateMany({ where: { meetingId: m.id }, data: { attended: false } });
  await tx.panelMember.updateMany({ where: { meetingId: m.id, userId: { in: input.attendedIds } }, data: { attended: true } });
  return { ...outcome, transition: "recordAttendance" };
});

export const recordMinutes = defineCommand(minutesSchema, async (tx, input, actor) => {
  const m = await loadMeeting(tx, actor, input.id);
  const outcome = await applyTransition(tx, {
    machine: panelMeetingMachine,
    transition: "hold",
    row: m,
    expectedVersion: input.version,
    actor,
    context: meetingContext(m, { minutes: input.minutes }),
    table: tx.panelMeeting,
    data: { minutes: input.minutes },
  });
  return { ...outcome, transition: "hold" };
});

export const closeMeeting = defineCommand(transitionSchema, async (tx, input, actor) => {
  const m = await loadMeeting(tx, actor, input.id);
  const outcome = await applyTransition(tx, {
    machine: panelMeetingMachine,
    transition: "close",
    row: m,
    expectedVersion: input.version,
    actor,
    context: meetingContext(m),
    table: tx.panelMeeting,
  });
  return { ...outcome, transition: "close" };
});

export const cancelMeeting = defineCommand(reasonedTransitionSchema("cancelling this meeting"), async (tx, input, actor) => {
  const m = await loadMeeting(tx, actor, input.id);
  const outcome = await applyTransition(tx, {
    machine: panelMeetingMachine,
    transition: "cancel",
    row: m,
    expectedVersion: input.version,
    actor,
    context: meetingContext(m, { reason: input.reason }),
    table: tx.panelMeeting,
    data: { cancelledReason: input.reason },
    reason: input.reason,
  });
  // Its items come off its agenda with it, so their reviews can go on another meeting's.
  const cancelled = { ...m, status: outcome.to };
  for (const item of await tx.panelAgendaItem.findMany({
    where: { meetingId: m.id, status: "ON_AGENDA" },
    select: { id: true, status: true, version: true, reviewId: true, review: { select: { status: true } } },
  })) {
    await applyTransition(tx, {
      machine: panelAgendaItemMachine,
      transition: "withdraw",
      row: item,
      actor,
      context: agendaItemContext(cancelled, item.review.status, { reason: input.reason }),
      table: tx.panelAgendaItem,
      data: { withdrawnReason: input.reason },
      reason: input.reason,
      audit: { meetingId: m.id, reviewId: item.reviewId },
    });
  }
  await notifyUsers(
    tx,
    memberIds(m),
    {
      kind: "ASSIGNMENTS",
      title: `Endorsement panel cancelled: ${m.title} on ${formatDate(m.meetsOn)}`,
      body: input.reason,
      link: meetingLink(m.id),
    },
    actor.id,
  );
  return { ...outcome, transition: "cancel" };
});
