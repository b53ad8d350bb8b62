// Credential 3 (in endorsement review) and credential 4 (changes requested on v1, v2 being drafted).
import { createCommission } from "../commissions";
import { createCredential, specThroughReview } from "../credentials";
import { addDays, daysAgo } from "../dates";
import { URGENT_CARE_V1, URGENT_CARE_V2 } from "../content/acute";
import { MH_ACUTE } from "../content/mental-health";
import type { SeededPriorities } from "../priorities";
import type { Seeded, Tx } from "../types";

/** 3 — pilot phase 1: registered by staff and sent straight to review; one assessment in, the demo reviewer's outstanding. */
async function mentalHealthAcute(tx: Tx, s: Seeded, p: SeededPriorities) {
  const credential = await createCredential(tx, {
    reference: "APC-0003",
    title: "Mental Health – Acute Care",
    summary:
      "Advanced practice in assessing, formulating and managing adults in mental health crisis across liaison, crisis and inpatient care.",
    owner: s.orgs.mentalHealth,
    origin: "PILOT_PHASE_1",
    priorityId: p.mhAcute.id,
    createdAt: daysAgo(45),
    createdBy: s.users.staff,
  });
  const { version } = await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: MH_ACUTE,
    author: s.users.staff2,
    draftedAt: daysAgo(45),
    submittedAt: daysAgo(30),
    submittedBy: s.users.staff,
    assessors: [
      { reviewer: s.users.reviewer },
      {
        reviewer: s.users.reviewer2,
        recommendation: "ENDORSE_WITH_CONDITIONS",
        comment:
          "A strong, well-evidenced specification from a completed resource. Two gaps should be closed as conditions; it should also address the over-representation of Black men under the Mental Health Act explicitly.",
        concerns: {
          "4.1(a)": [
            "PARTIALLY_MET",
            "Requirements for paramedics are stated, but not how pharmacists without clinical assessment skills reach outcome 1.",
          ],
        },
      },
    ],
  });
  return { credential, version };
}

/** 4 — commissioned from the demo expert's group; reviewers asked for changes to v1, and v2 is in draft. */
async function urgentCare(tx: Tx, s: Seeded, p: SeededPriorities) {
  const { staff, expert } = s.users;
  const issuedAt = addDays(p.urgentCare.gatewayAt, 30);
  const acceptedAt = addDays(issuedAt, 10);
  const credential = await createCredential(tx, {
    reference: "APC-0004",
    title: "Emergency and Urgent Care",
    summary: "Advanced practice across the age range in emergency departments and urgent treatment centres.",
    owner: s.orgs.acute,
    origin: "COMMISSIONED",
    priorityId: p.urgentCare.id,
    createdAt: acceptedAt,
    createdBy: expert,
  });
  await createCommission(tx, {
    priority: p.urgentCare,
    organisation: s.orgs.acute,
    brief:
      "Develop a credential for advanced practitioners in emergency departments and urgent treatment centres, aligned with the RCEM Emergency Care ACP curriculum.",
    issuedAt,
    issuedBy: staff,
    months: 21,
    response: { accepted: true, at: acceptedAt, by: expert },
    credentialId: credential.id,
  });
  const v1 = await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: URGENT_CARE_V1,
    author: expert,
    draftedAt: addDays(acceptedAt, 30),
    submittedAt: daysAgo(87),
    assessors: [
      {
        reviewer: s.users.reviewerSouthfield,
        recommendation: "REQUEST_CHANGES",
        comment: "Good scope and evidence, but the outcomes are not yet measurable and assessment across the age range is unclear.",
        concerns: {
          "4.1(c)": ["PARTIALLY_MET", "No requirement to manage risk with children or frail older people under direct observation."],
          "4.1(d)": ["NOT_MET", "Outcomes 2 and 6 are written at knowledge level; 'understand' and 'contribute to' are not level 7."],
        },
      },
      {
        reviewer: s.users.reviewer2,
        recommendation: "REQUEST_CHANGES",
        comment: "Needs outcomes for frail older people and children, who are a large share of attendances.",
        concerns: {
          "4.1(a)": ["PARTIALLY_MET", "Capabilities for frailty and paediatrics are missing."],
          "4.1(b)": ["PARTIALLY_MET", "The research pillar is thin."],
        },
      },
    ],
    decision: {
      decision: "REQUEST_CHANGES",
      rationale:
        "Both reviewers found the outcomes insufficiently measurable and the age range under-assessed. Please revise the learning outcomes and " +
        "the assessment strategy and resubmit as version 2.",
    },
  });
  const v2 = await specThroughReview(tx, s, {
    credentialId: credential.id,
    number: 2,
    basedOnId: v1.version.id,
    content: URGENT_CARE_V2,
    author: expert,
    draftedAt: addDays(v1.decidedAt!, 5),
  });
  return { credential, v1: v1.version, v2: v2.version, changesRequestedAt: v1.decidedAt! };
}

export async function seedInReview(tx: Tx, s: Seeded, p: SeededPriorities) {
  return { mentalHealthAcute: await mentalHealthAcute(tx, s, p), urgentCare: await urgentCare(tx, s, p) };
}
