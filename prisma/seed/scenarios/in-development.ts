// Credentials 1, 2 and 8 (drafting, submitted, declined) and the commissions still awaiting or refused by expert groups.
import { createCommission } from "../commissions";
import { createCredential, specThroughReview } from "../credentials";
import { addDays, daysAgo } from "../dates";
import { ACUTE_MEDICINE, PERIOPERATIVE } from "../content/acute";
import { PALLIATIVE } from "../content/primary";
import type { SeededPriorities } from "../priorities";
import type { Seeded, Tx } from "../types";

/** The demo expert's group has a commission awaiting its response. */
async function issuedCommission(tx: Tx, s: Seeded, p: SeededPriorities) {
  return createCommission(tx, {
    priority: p.criticalCare,
    organisation: s.orgs.acute,
    brief:
      "Develop a credential specification for advanced critical care practitioners, building on the Faculty of Intensive Care Medicine ACCP curriculum " +
      "and covering critical care outreach. Engage the regional critical care networks and each profession in scope.",
    issuedAt: daysAgo(6),
    issuedBy: s.users.staff,
    months: 10,
  });
}

async function declinedCommission(tx: Tx, s: Seeded, p: SeededPriorities) {
  const issuedAt = addDays(p.mhAcute.gatewayAt, 30);
  return createCommission(tx, {
    priority: p.mhAcute,
    organisation: s.orgs.mentalHealth,
    brief: "Develop a credential specification for advanced practice in acute and crisis mental health care, including liaison services.",
    issuedAt,
    issuedBy: s.users.staff,
    months: 12,
    response: {
      accepted: false,
      at: addDays(issuedAt, 12),
      by: s.users.expertMh,
      reason:
        "Our clinical leads are committed to the CYP work until next spring. A trust-developed resource already covers this area; " +
        "we suggest registering it as a pilot phase 1 credential instead.",
    },
  });
}

/** 1 — commissioned from the demo expert's group, accepted, specification being drafted. */
async function acuteMedicine(tx: Tx, s: Seeded, p: SeededPriorities) {
  const issuedAt = addDays(p.acuteMedicine.gatewayAt, 7);
  const acceptedAt = addDays(issuedAt, 4);
  const credential = await createCredential(tx, {
    reference: "APC-0001",
    title: "Acute Medicine and Same Day Emergency Care",
    summary: "Advanced-level assessment and management of adults on same day emergency care and acute medical pathways.",
    owner: s.orgs.acute,
    origin: "COMMISSIONED",
    priorityId: p.acuteMedicine.id,
    createdAt: acceptedAt,
    createdBy: s.users.expert,
  });
  await createCommission(tx, {
    priority: p.acuteMedicine,
    organisation: s.orgs.acute,
    brief:
      "Develop a credential for advanced practitioners running SDEC and acute medical ambulatory pathways, with the Society for Acute Medicine.",
    issuedAt,
    issuedBy: s.users.staff,
    months: 9,
    response: { accepted: true, at: acceptedAt, by: s.users.expert },
    credentialId: credential.id,
  });
  await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: ACUTE_MEDICINE,
    author: s.users.expert,
    draftedAt: addDays(acceptedAt, 2),
  });
  return credential;
}

/** 2 — pilot phase 2 resource, submitted and waiting for staff to assign reviewers. */
async function palliative(tx: Tx, s: Seeded) {
  const credential = await createCredential(tx, {
    reference: "APC-0002",
    title: "Palliative and End of Life Care in the Community",
    summary: "Advanced practice in identifying the last year of life, advance care planning and complex symptom management at home.",
    owner: s.orgs.primaryCare,
    origin: "PILOT_PHASE_2",
    createdAt: daysAgo(120),
    createdBy: s.users.staff2,
  });
  await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: PALLIATIVE,
    author: s.users.expertPc,
    draftedAt: daysAgo(118),
    submittedAt: daysAgo(3),
  });
  return credential;
}

/** 8 — pilot phase 2 resource whose specification was declined. */
async function perioperative(tx: Tx, s: Seeded) {
  const credential = await createCredential(tx, {
    reference: "APC-0008",
    title: "Perioperative Assessment",
    summary: "Pre-operative assessment and optimisation of patients awaiting elective surgery.",
    owner: s.orgs.acute,
    origin: "PILOT_PHASE_2",
    createdAt: daysAgo(200),
    createdBy: s.users.staff2,
  });
  await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: PERIOPERATIVE,
    author: s.users.expert,
    draftedAt: daysAgo(195),
    submittedAt: daysAgo(140),
    assessors: [
      {
        reviewer: s.users.reviewer,
        recommendation: "DECLINE",
        comment:
          "This reads as an enhanced-practice module for one profession; it does not describe advanced practice. It is open to registered nurses only, and a single written assignment cannot assess clinical capability.",
        concerns: {
          "4.1(b)": ["PARTIALLY_MET", "Outcomes are not mapped to the Framework's core capabilities."],
          "4.1(c)": ["NOT_MET", "None of the outcomes addresses complexity, uncertainty or risk."],
          "4.1(d)": ["NOT_MET", "Outcomes use 'understand' and 'know'; they are not pitched at level 7."],
        },
      },
      {
        reviewer: s.users.reviewerSouthfield,
        recommendation: "REQUEST_CHANGES",
        comment:
          "A real need, but the specification needs substantial redevelopment before it could be endorsed. It has no workplace-based assessment and could be opened to pharmacists and ODPs.",
        concerns: {
          "4.1(b)": ["PARTIALLY_MET", "Research and education pillars are barely touched."],
          "4.1(d)": ["NOT_MET", "Not pitched at advanced level."],
        },
      },
    ],
    decision: {
      decision: "DECLINE",
      rationale:
        "The specification does not describe advanced-level practice and is limited to one profession. The group may propose a redeveloped, " +
        "multi-professional perioperative medicine credential through the next priority round.",
    },
  });
  return credential;
}

export async function seedInDevelopment(tx: Tx, s: Seeded, p: SeededPriorities) {
  const commission = await issuedCommission(tx, s, p);
  await declinedCommission(tx, s, p);
  const acute = await acuteMedicine(tx, s, p);
  const pal = await palliative(tx, s);
  await perioperative(tx, s);
  return { issuedCommission: commission, acuteMedicine: acute, palliative: pal };
}
