import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { agendaItemContext, invalid, loadMeeting, type Meeting } from "@/lib/data/panels";
import { panelMeetingScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, stale } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { agendaWithdrawSchema, recommendationSchema } from "@/lib/validation/panel";
import { can, ENDORSEMENT_DECISION_LABELS, panelAgendaItemMachine, type Actor, type EndorsementDecision } from "@/lib/workflow";
import { hasText } from "@/lib/workflow/guards";

// One item on an endorsement panel's agenda: the panel's recommendation on it, taking it off the agenda, and the
// Centre's decision following the panel. Each is a transition of the item that also moves its meeting's version on.

function findItem(tx: Tx, actor: Actor, where: Prisma.PanelAgendaItemWhereInput) {
  return tx.panelAgendaItem.findFirst({
    where: { ...where, meeting: panelMeetingScope(actor) },
    select: { id: true, status: true, version: true, reviewId: true, meetingId: true, review: { select: { status: true } } },
  });
}
type Item = NonNullable<Awaited<ReturnType<typeof findItem>>>;

async function loadItem(tx: Tx, actor: Actor, id: string) {
  const item = await loadOrThrow("Agenda item", findItem(tx, actor, { id }));
  return { item, meeting: await loadMeeting(tx, actor, item.meetingId) };
}

/**
 * An item's change is judged against its meeting as read here (who attended, what else is on the agenda). Moving the
 * meeting's version on makes a concurrent change to the meeting — attendance, minutes, cancelling — fail as stale
 * instead of acting on facts this change has altered.
 */
async function holdMeeting(tx: Tx, m: Meeting) {
  const { count } = await tx.panelMeeting.updateMany({
    where: { id: m.id, version: m.version, status: m.status },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) throw stale();
}

export const recordRecommendation = defineCommand(recommendationSchema, async (tx, input, actor) => {
  const { item, meeting } = await loadItem(tx, actor, input.id);
  const outcome = await applyTransition(tx, {
    machine: panelAgendaItemMachine,
    transition: "recommend",
    row: item,
    expectedVersion: input.version,
    actor,
    context: agendaItemContext(meeting, item.review.status),
    table: tx.panelAgendaItem,
    data: { recommendation: input.recommendation, recommendationNote: input.note, recommendedAt: new Date() },
    reason: input.note,
    audit: { meetingId: meeting.id, reviewId: item.reviewId, recommendation: input.recommendation },
  });
  await holdMeeting(tx, meeting);
  return { ...outcome, id: meeting.id, itemId: item.id, transition: "recommend" };
});

async function takeOffAgenda(tx: Tx, actor: Actor, item: Item, meeting: Meeting, reason: string, expectedVersion?: number) {
  const outcome = await applyTransition(tx, {
    machine: panelAgendaItemMachine,
    transition: "withdraw",
    row: item,
    expectedVersion,
    actor,
    context: agendaItemContext(meeting, item.review.status, { reason }),
    table: tx.panelAgendaItem,
    data: { withdrawnReason: reason },
    reason,
    audit: { meetingId: meeting.id, reviewId: item.reviewId },
  });
  await holdMeeting(tx, meeting);
  return outcome;
}

export const withdrawFromAgenda = defineCommand(agendaWithdrawSchema, async (tx, input, actor) => {
  const { item, meeting } = await loadItem(tx, actor, input.id);
  const outcome = await takeOffAgenda(tx, actor, item, meeting, input.reason, input.version);
  return { ...outcome, id: meeting.id, itemId: item.id, transition: "withdraw" };
});

/**
 * The Centre may decide a review without waiting for its panel: an item still awaiting the panel's recommendation then
 * comes off its meeting's agenda, so no meeting goes on to consider a decided specification. Once the meeting has
 * begun its agenda is fixed, so the decision is refused until the panel has recommended. Called inside the decision's
 * transaction, so a refusal writes nothing; an item with a recommendation is the panel's to follow (`followPanel`).
 */
export async function takeUnrecommendedOffAgenda(tx: Tx, { reviewId, actor, now }: { reviewId: string; actor: Actor; now: Date }) {
  const item = await findItem(tx, actor, { reviewId, status: "ON_AGENDA" });
  if (!item) return;
  const meeting = await loadMeeting(tx, actor, item.meetingId);
  if (!can(panelAgendaItemMachine, "withdraw", item.status, { ...agendaItemContext(meeting, item.review.status), actor })) {
    throw new AppError(
      "GUARD_FAILED",
      `This specification is on the agenda of ${meeting.title} on ${formatDate(meeting.meetsOn)}, which is under way: record the panel's recommendation first.`,
    );
  }
  await takeOffAgenda(tx, actor, item, meeting, `Decided by the Centre on ${formatDate(now)} without the panel's recommendation.`);
}

/** The panel's latest recommendation on a review; null when no panel has made one. */
export function panelRecommendation(client: Tx, reviewId: string) {
  return client.panelAgendaItem.findFirst({
    where: { reviewId, status: { in: ["RECOMMENDED", "DECIDED"] } },
    orderBy: [{ recommendedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      version: true,
      recommendation: true,
      recommendationNote: true,
      departureReason: true,
      meeting: {
        select: {
          id: true,
          title: true,
          meetsOn: true,
          status: true,
          quorum: true,
          attendanceRecordedAt: true,
          members: { select: { userId: true, attended: true } },
        },
      },
    },
  });
}

/**
 * The Centre's decision follows its panel: a decision that differs from the panel's recommendation must say why. The
 * reason is kept on the agenda item and in the review's history. Called inside the decision's transaction, so a
 * refusal writes nothing.
 */
export async function followPanel(
  tx: Tx,
  {
    reviewId,
    decision,
    departureReason,
    actor,
  }: { reviewId: string; decision: EndorsementDecision; departureReason: string; actor: Actor },
) {
  const panel = await panelRecommendation(tx, reviewId);
  if (!panel?.recommendation) return;
  const departs = panel.recommendation !== decision;
  const recommended = ENDORSEMENT_DECISION_LABELS[panel.recommendation];
  if (departs && !hasText(departureReason)) {
    throw invalid("departureReason", `Give the reason this decision differs from the panel's recommendation (${recommended})`);
  }
  // Called after the review's own decision in the same transaction: the review is decided.
  await applyTransition(tx, {
    machine: panelAgendaItemMachine,
    transition: "decide",
    row: panel,
    actor,
    context: agendaItemContext(panel.meeting, "DECIDED"),
    table: tx.panelAgendaItem,
    data: { departureReason: departs ? departureReason : null },
    audit: { reviewId, decision },
  });
  if (!departs) return;
  await recordAudit(tx, {
    entityType: "EndorsementReview",
    entityId: reviewId,
    action: "departFromPanelRecommendation",
    actor,
    reason: `The panel recommended ${recommended}; the Centre decided ${ENDORSEMENT_DECISION_LABELS[decision]}. ${departureReason}`,
    data: { panelRecommendation: panel.recommendation, decision, agendaItemId: panel.id },
  });
}
