// Credential 6 (under periodic review, review due within 90 days) and credential 7 (withdrawn, its plan flagged and closed).
import { step, trail } from "../audit";
import { createCommission } from "../commissions";
import { createCredential, endorseAndPublish, specThroughReview, type SeededCredential } from "../credentials";
import { addDays, daysAgo, monthsAgo } from "../dates";
import { createPlan, mapAll } from "../delivery";
import { createCompletions, createImpactReturn } from "../impact";
import { FRAILTY } from "../content/primary";
import { CYP_MH } from "../content/mental-health";
import type { SeededPriorities } from "../priorities";
import type { Seeded, Tx } from "../types";

async function openPeriodicReview(tx: Tx, s: Seeded, credential: SeededCredential, dueAt: Date) {
  const { staff } = s.users;
  const openedAt = addDays(dueAt, -90);
  const startedAt = daysAgo(21);
  await tx.credential.update({ where: { id: credential.id }, data: { status: "UNDER_PERIODIC_REVIEW" } });
  const review = await tx.periodicReview.create({
    data: {
      credentialId: credential.id,
      dueAt,
      status: "IN_PROGRESS",
      createdAt: openedAt,
      checks: {
        create: [
          {
            kind: "CHANGING_NEEDS",
            finding: "Frailty prevalence and care-home demand continue to rise; the need the credential meets is unchanged.",
            changeNeeded: false,
            recordedById: staff.id,
            recordedAt: daysAgo(14),
          },
          {
            kind: "EVIDENCE_BASE",
            finding:
              "New national guidance on proactive care for older people should be reflected in outcomes 4 and 5 and the evidence base.",
            changeNeeded: true,
            recordedById: staff.id,
            recordedAt: daysAgo(8),
          },
        ],
      },
    },
    select: { id: true },
  });
  await trail(tx, "PeriodicReview", review.id, [
    step("create", null, "SCHEDULED", null, openedAt),
    step("start", "SCHEDULED", "IN_PROGRESS", staff, startedAt),
  ]);
  await trail(tx, "Credential", credential.id, [step("startPeriodicReview", "ENDORSED", "UNDER_PERIODIC_REVIEW", null, openedAt)]);
}

/** 6 — pilot phase 1, endorsed 34 months ago, now in its periodic review; delivered by Southfield University. */
async function frailty(tx: Tx, s: Seeded) {
  const { staff, staff2, provider2 } = s.users;
  const endorsedAt = monthsAgo(34);
  const credential = await createCredential(tx, {
    reference: "APC-0006",
    title: "Older People and Frailty",
    summary: "Advanced practice in comprehensive geriatric assessment and proactive care for older people living with frailty.",
    owner: s.orgs.primaryCare,
    origin: "PILOT_PHASE_1",
    createdAt: addDays(endorsedAt, -60),
    createdBy: staff,
  });
  const { version } = await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: FRAILTY,
    author: staff2,
    draftedAt: addDays(endorsedAt, -60),
    submittedAt: addDays(endorsedAt, -45),
    submittedBy: staff,
    assessors: [
      { reviewer: s.users.reviewer, recommendation: "ENDORSE", comment: "A mature resource with strong evidence and a practical EPA." },
      {
        reviewer: s.users.reviewer2,
        recommendation: "ENDORSE",
        comment: "Meets every criterion; well suited to multi-professional frailty teams.",
      },
    ],
    decision: { decision: "ENDORSE", rationale: "Both reviewers found every criterion met." },
  });
  const { reviewDueAt } = await endorseAndPublish(tx, credential, version, { endorsedAt, publishedAt: addDays(endorsedAt, 7), by: staff });
  await openPeriodicReview(tx, s, credential, reviewDueAt);
  const decidedAt = addDays(endorsedAt, 75);
  const plan = await createPlan(tx, {
    credentialId: credential.id,
    version,
    organisation: s.orgs.southfield,
    author: provider2,
    programmeTitle: "Advanced Practice in Frailty (level 7 module)",
    award: "40 credits at level 7",
    deliveryMode: "Blended, with placements in community frailty teams",
    startsOn: addDays(decidedAt, 60),
    cohortSize: 15,
    staffingAndSupervision: "Module lead (consultant nurse in older people's care) and geriatrician supervisors in three partner trusts.",
    qualityAssurance: "University annual monitoring and an external examiner from a geriatric medicine background.",
    mappings: mapAll(
      version,
      ["ACP7030 Frailty and CGA", "ACP7031 Proactive care for older people"],
      ["CGA portfolio", "Medication review OSCE", "Improvement project presentation"],
    ),
    createdAt: addDays(endorsedAt, 20),
    submittedAt: addDays(endorsedAt, 45),
    decided: { status: "APPROVED", at: decidedAt, by: staff, rationale: "Complete mapping and strong supervision arrangements." },
  });
  await createImpactReturn(tx, {
    plan,
    period: "2025/26",
    byProfession: [
      ["Nursing", 8, 7, 5],
      ["Paramedicine", 3, 3, 2],
      ["Pharmacy", 2, 2, 2],
      ["Occupational therapy", 2, 1, 1],
    ],
    withdrawn: 1,
    employerFeedback: "Community teams report completers now lead CGA clinics in care homes.",
    patientBenefit: "Unplanned admissions from the pilot care homes fell by 14%.",
    submitted: { at: daysAgo(60), by: provider2 },
    accepted: { at: daysAgo(45), by: staff2 },
  });
  await createCompletions(
    tx,
    plan,
    [
      ["Grace Mensah", "12J3456E", "Nursing", monthsAgo(7), true],
      ["Tomasz Nowak", "2089154", "Pharmacy", monthsAgo(6)],
    ],
    provider2,
    staff,
  );
  return credential;
}

/** 7 — commissioned and endorsed, later withdrawn; its delivery plan was flagged, then closed. */
async function cypMentalHealth(tx: Tx, s: Seeded, p: SeededPriorities) {
  const { staff, expertMh, provider3 } = s.users;
  const issuedAt = addDays(p.cypMentalHealth.gatewayAt, 21);
  const acceptedAt = addDays(issuedAt, 7);
  const endorsedAt = monthsAgo(24);
  const withdrawnAt = daysAgo(45);
  const reason = "Superseded by the national CYP mental health practitioner curriculum; employers should use that route from now on.";
  const credential = await createCredential(tx, {
    reference: "APC-0007",
    title: "Children and Young People's Mental Health",
    summary: "Advanced practice in community mental health care for children, young people and their families.",
    owner: s.orgs.mentalHealth,
    origin: "COMMISSIONED",
    priorityId: p.cypMentalHealth.id,
    createdAt: acceptedAt,
    createdBy: expertMh,
  });
  const { version } = await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: CYP_MH,
    author: expertMh,
    draftedAt: addDays(acceptedAt, 20),
    submittedAt: addDays(endorsedAt, -45),
    assessors: [
      { reviewer: s.users.reviewerSouthfield, recommendation: "ENDORSE", comment: "Clear and proportionate for a 30-credit unit." },
      { reviewer: s.users.reviewer2, recommendation: "ENDORSE", comment: "Good multi-agency focus." },
    ],
    decision: { decision: "ENDORSE", rationale: "Both reviewers recommend endorsement without conditions." },
  });
  await endorseAndPublish(tx, credential, version, { endorsedAt, publishedAt: addDays(endorsedAt, 7), by: staff });
  await createCommission(tx, {
    priority: p.cypMentalHealth,
    organisation: s.orgs.mentalHealth,
    brief:
      "Develop a credential for advanced practitioners in community CYP mental health services, working with families, schools and social care.",
    issuedAt,
    issuedBy: staff,
    months: 10,
    response: { accepted: true, at: acceptedAt, by: expertMh },
    completedAt: endorsedAt,
    credentialId: credential.id,
  });
  const submittedAt = addDays(endorsedAt, 40);
  const plan = await createPlan(tx, {
    credentialId: credential.id,
    version,
    organisation: s.orgs.midlands,
    author: provider3,
    programmeTitle: "Advanced Practice in CYP Mental Health",
    award: "30 credits at level 7",
    deliveryMode: "Online, with work-based assessment in CAMHS teams",
    startsOn: addDays(submittedAt, 90),
    cohortSize: 12,
    staffingAndSupervision: "Module lead (nurse consultant, CAMHS) and clinical supervisors in four partner trusts.",
    qualityAssurance: "Consortium quality board and an external examiner.",
    mappings: mapAll(
      version,
      ["CYP7001 Assessment and formulation", "CYP7002 Interventions and coordination"],
      ["Observed family assessment", "Safeguarding case review"],
    ),
    createdAt: addDays(endorsedAt, 15),
    submittedAt,
    decided: {
      status: "APPROVED",
      at: addDays(submittedAt, 28),
      by: staff,
      rationale: "All outcomes mapped; supervision arrangements confirmed.",
    },
    flagged: { at: withdrawnAt, reason: `Credential APC-0007 was withdrawn: ${reason}` },
    closed: {
      at: daysAgo(30),
      by: staff,
      reason: "Closed after the credential's withdrawal; current learners complete under transitional arrangements.",
    },
  });
  await tx.credential.update({ where: { id: credential.id }, data: { status: "WITHDRAWN", withdrawnAt } });
  await trail(tx, "Credential", credential.id, [
    step("withdraw", "ENDORSED", "WITHDRAWN", staff, withdrawnAt, { reason, data: { flaggedPlanIds: [plan.id] } }),
  ]);
  return credential;
}

export async function seedEstablished(tx: Tx, s: Seeded, p: SeededPriorities) {
  return { frailty: await frailty(tx, s), cypMentalHealth: await cypMentalHealth(tx, s, p) };
}
