// 9 — a candidate specification whose assessments are both in, awaiting the endorsement panel and the Centre's
// decision; and a demo panel meeting that has been held and closed, which recommended declining APC-0008.
import { createCredential, specThroughReview } from "../credentials";
import { addDays, daysAgo } from "../dates";
import { trail, step } from "../audit";
import { DIABETES } from "../content/diabetes";
import type { Seeded, Tx } from "../types";

async function diabetes(tx: Tx, s: Seeded) {
  const credential = await createCredential(tx, {
    reference: "APC-0009",
    title: "Diabetes Care",
    summary: "Advanced practice in managing adults with complex diabetes across acute and community settings.",
    owner: s.orgs.acute,
    origin: "PILOT_PHASE_2",
    createdAt: daysAgo(90),
    createdBy: s.users.staff2,
  });
  await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: DIABETES,
    author: s.users.expert,
    draftedAt: daysAgo(85),
    submittedAt: daysAgo(40),
    assessors: [
      {
        reviewer: s.users.reviewerSouthfield,
        recommendation: "ENDORSE",
        comment: "A clear, multi-professional specification with strong workplace-based assessment.",
      },
      {
        reviewer: s.users.reviewer2,
        recommendation: "ENDORSE_WITH_CONDITIONS",
        comment: "Sound overall; the research outcome should say how practitioners will contribute to audit and evaluation.",
        concerns: { "4.1(b)": ["PARTIALLY_MET", "The research pillar is covered by one outcome only."] },
      },
    ],
  });
  return credential;
}

/** The panel that considered APC-0008 before the Centre declined it: held with a quorum, minuted and closed. */
async function heldPanel(tx: Tx, s: Seeded) {
  const review = await tx.endorsementReview.findFirstOrThrow({
    where: { specificationVersion: { credential: { reference: "APC-0008" } } },
    select: { id: true, decidedAt: true },
  });
  const meetsOn = addDays(review.decidedAt ?? daysAgo(60), -3);
  const day = new Date(Date.UTC(meetsOn.getUTCFullYear(), meetsOn.getUTCMonth(), meetsOn.getUTCDate()));
  const { staff, staff2, reviewer2 } = s.users;
  const meeting = await tx.panelMeeting.create({
    data: {
      title: "Endorsement panel: perioperative and acute care",
      meetsOn: day,
      quorum: 2,
      status: "CLOSED",
      minutes:
        "Present: Priya Shah (chair), James Whitfield and Dr Ravi Menon. The panel considered APC-0008 Perioperative Assessment, " +
        "version 1, with both assessments. It agreed with the reviewers that the specification does not describe advanced-level practice and " +
        "recommended that the Centre decline it.",
      attendanceRecordedAt: meetsOn,
      createdById: staff.id,
      createdAt: addDays(meetsOn, -21),
      members: {
        create: [
          { userId: staff.id, chair: true, attended: true },
          { userId: staff2.id, attended: true },
          { userId: reviewer2.id, attended: true },
        ],
      },
      items: {
        create: [
          {
            reviewId: review.id,
            status: "DECIDED",
            recommendation: "DECLINE",
            recommendationNote:
              "Not advanced-level practice and limited to one profession; both reviewers' concerns under 4.1(c) and 4.1(d) stand.",
            recommendedAt: meetsOn,
            createdAt: addDays(meetsOn, -14),
          },
        ],
      },
    },
    select: { id: true, items: { select: { id: true } } },
  });
  await trail(tx, "PanelMeeting", meeting.id, [
    step("create", null, "SCHEDULED", staff, addDays(meetsOn, -21)),
    step("addToAgenda", "SCHEDULED", "SCHEDULED", staff, addDays(meetsOn, -14), { data: { reviewId: review.id } }),
    step("recordAttendance", "SCHEDULED", "SCHEDULED", staff, meetsOn),
    step("hold", "SCHEDULED", "HELD", staff, meetsOn),
    step("close", "HELD", "CLOSED", staff, addDays(meetsOn, 1)),
  ]);
  await trail(tx, "PanelAgendaItem", meeting.items[0].id, [
    step("create", null, "ON_AGENDA", staff, addDays(meetsOn, -14)),
    step("recommend", "ON_AGENDA", "RECOMMENDED", staff, meetsOn, { data: { reviewId: review.id, recommendation: "DECLINE" } }),
    step("decide", "RECOMMENDED", "DECIDED", staff, review.decidedAt ?? meetsOn, { data: { reviewId: review.id, decision: "DECLINE" } }),
  ]);
}

export async function seedPanels(tx: Tx, s: Seeded) {
  await diabetes(tx, s);
  await heldPanel(tx, s);
}
