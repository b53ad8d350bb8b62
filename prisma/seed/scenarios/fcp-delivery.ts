// Delivery of credential 5: three plans, annual returns, a quality review with an overdue action, impact and completions.
import { addDays, currentYear, daysAgo, daysFromNow, monthsAgo } from "../dates";
import { createPlan, mapAll, type SeededPlan } from "../delivery";
import { createCompletions, createImpactReturn } from "../impact";
import { createAnnualReturn, createQualityReview } from "../quality";
import type { SeededVersion } from "../specs";
import type { Seeded, Tx } from "../types";

const NORTHBRIDGE_MAPPINGS: [string, string][] = [
  ["FCP7101 First contact assessment in MSK", "Observed structured clinical examination (spinal and peripheral)"],
  ["FCP7101 First contact assessment in MSK", "Case-based viva on red flags and safety-netting"],
  ["FCP7102 Diagnostics and imaging for MSK practice", "Imaging and bloods request audit with reflective commentary"],
  ["FCP7103 Personalised MSK management", "Roadmap stage 2 portfolio: shared decision-making cases"],
  ["FCP7103 Personalised MSK management", "Work and wellbeing case study, including a fit note"],
  ["FCP7104 Leading first contact services", "Portfolio evidence of PCN governance participation"],
  ["FCP7104 Leading first contact services", "Peer teaching session, observed and reflected on"],
  ["FCP7104 Leading first contact services", "Quality improvement report on FCP service outcomes"],
];

async function approvedPlan(tx: Tx, s: Seeded, credentialId: string, version: SeededVersion, publishedAt: Date) {
  const submittedAt = addDays(publishedAt, 40);
  const decidedAt = addDays(submittedAt, 30);
  return createPlan(tx, {
    credentialId,
    version,
    organisation: s.orgs.northbridge,
    author: s.users.provider,
    programmeTitle: "PG Certificate in First Contact Practice (Musculoskeletal)",
    award: "Postgraduate Certificate (60 credits at level 7)",
    deliveryMode: "Blended: four study blocks on campus, online seminars, and supervised practice in the learner's PCN",
    startsOn: addDays(decidedAt, 45),
    cohortSize: 20,
    staffingAndSupervision:
      "Programme lead (consultant physiotherapist, 0.4 FTE), two FCP lecturers, and a trained roadmap supervisor for each learner, agreed with the employer before enrolment.",
    qualityAssurance:
      "University validation and annual monitoring; external examiner with FCP expertise; learner and employer feedback each block; supervisor calibration twice a year.",
    mappings: NORTHBRIDGE_MAPPINGS,
    createdAt: addDays(publishedAt, 14),
    submittedAt,
    decided: {
      status: "APPROVED",
      at: decidedAt,
      by: s.users.staff,
      rationale:
        "Every learning outcome is mapped to a module and an assessment in practice; supervision and quality arrangements meet the specification.",
    },
  });
}

async function otherPlans(tx: Tx, s: Seeded, credentialId: string, version: SeededVersion): Promise<SeededPlan> {
  const southfield = await createPlan(tx, {
    credentialId,
    version,
    organisation: s.orgs.southfield,
    author: s.users.provider2,
    programmeTitle: "MSc Advanced Clinical Practice – First Contact MSK pathway",
    award: "60 credits at level 7 within the MSc Advanced Clinical Practice",
    deliveryMode: "Online learning with work-based assessment",
    startsOn: daysFromNow(100),
    cohortSize: 16,
    staffingAndSupervision:
      "Pathway lead (advanced practice physiotherapist) with practice educators in partner PCNs; roadmap supervisors arranged by employers.",
    qualityAssurance: "Faculty quality committee, external examiner, and an annual pathway review with employer partners.",
    mappings: mapAll(
      version,
      ["ACP7020 MSK first contact practice", "ACP7021 Leading MSK services"],
      ["Observed clinical examination", "Portfolio", "Viva"],
    ),
    createdAt: daysAgo(40),
    submittedAt: daysAgo(5),
  });
  await createPlan(tx, {
    credentialId,
    version,
    organisation: s.orgs.northbridge,
    author: s.users.provider,
    programmeTitle: "First Contact Practice (MSK) – standalone work-based module",
    award: "Credential (60 credits at level 7), standalone",
    deliveryMode: "Work-based, with monthly online action learning sets",
    startsOn: daysFromNow(280),
    cohortSize: 12,
    staffingAndSupervision: "To be confirmed with employer partners.",
    qualityAssurance: "",
    mappings: NORTHBRIDGE_MAPPINGS.slice(0, 3),
    createdAt: daysAgo(12),
  });
  return southfield;
}

async function qualityAndReturns(tx: Tx, s: Seeded, plan: SeededPlan): Promise<{ id: string }> {
  const { staff, staff2, provider, reviewer } = s.users;
  const lastDue = monthsAgo(13);
  await createAnnualReturn(tx, {
    plan,
    year: currentYear() - 1,
    dueOn: lastDue,
    submitted: {
      at: addDays(lastDue, -3),
      by: provider,
      cohorts: "Cohort 1: 18 enrolled, 14 completed, 1 withdrew, 3 continuing.",
      changesToDelivery: "Added an online red-flags masterclass after learner feedback.",
      staffing: "A second FCP lecturer appointed in March.",
      concerns: "Some PCNs struggle to release roadmap supervisors for one hour a week.",
    },
    accepted: { at: addDays(lastDue, 14), by: staff2 },
  });
  await createAnnualReturn(tx, { plan, year: currentYear(), dueOn: daysFromNow(30) });
  return createQualityReview(tx, {
    plan,
    scheduledOn: daysAgo(56),
    createdBy: staff,
    createdAt: daysAgo(70),
    startedAt: daysAgo(49),
    reviewers: [reviewer],
    findings: [
      {
        area: "SUPERVISION",
        rating: "REQUIRES_IMPROVEMENT",
        evidence:
          "Four of twelve learners interviewed had fewer than half the required supervision hours; supervisor logs are incomplete and not checked by the programme team.",
        by: reviewer,
        at: daysAgo(40),
        actions: [
          {
            description:
              "Introduce termly checks of supervision logs, with escalation to the employer where a learner falls below 75% of the required hours; report the first results.",
            dueOn: daysAgo(10),
          },
        ],
      },
    ],
  });
}

async function impactAndCompletions(tx: Tx, s: Seeded, plan: SeededPlan) {
  const { staff, provider } = s.users;
  const firstSubmitted = monthsAgo(13);
  await createImpactReturn(tx, {
    plan,
    period: "2024/25",
    byProfession: [
      ["Physiotherapy", 12, 10, 7],
      ["Paramedicine", 3, 2, 1],
      ["Podiatry", 2, 2, 1],
      ["Nursing", 1, 0, 0],
    ],
    withdrawn: 1,
    employerFeedback: "PCNs report FCPs now manage about 85% of MSK first contacts without GP involvement.",
    patientBenefit: "Median wait for an MSK first appointment in participating PCNs fell from 19 to 6 days.",
    submitted: { at: firstSubmitted, by: provider },
    accepted: { at: addDays(firstSubmitted, 21), by: staff },
  });
  await createImpactReturn(tx, {
    plan,
    period: "2025/26",
    byProfession: [
      ["Physiotherapy", 16, 13, 10],
      ["Paramedicine", 5, 4, 3],
      ["Podiatry", 2, 2, 2],
      ["Nursing", 1, 1, 0],
    ],
    withdrawn: 2,
    employerFeedback: "Employers value the roadmap alignment; two PCNs have created new FCP posts for completers.",
    patientBenefit: "Onward referral to orthopaedics from participating PCNs fell by 22% against the previous year.",
    submitted: { at: daysAgo(21), by: provider },
  });
  await createCompletions(
    tx,
    plan,
    [
      ["Rachel Adeyemi", "PH118842", "Physiotherapy", monthsAgo(16)],
      ["Daniel Hughes", "PA042731", "Paramedicine", monthsAgo(16)],
      ["Sophie Turner", "PH120377", "Physiotherapy", monthsAgo(15)],
    ],
    provider,
    staff,
  );
  await createCompletions(tx, plan, [["Imran Qureshi", "CH030219", "Podiatry", daysAgo(20)]], provider);
}

export async function seedFcpDelivery(tx: Tx, s: Seeded, credentialId: string, version: SeededVersion, publishedAt: Date) {
  const approved = await approvedPlan(tx, s, credentialId, version, publishedAt);
  const southfieldPlan = await otherPlans(tx, s, credentialId, version);
  const qualityReview = await qualityAndReturns(tx, s, approved);
  await impactAndCompletions(tx, s, approved);
  return { approvedPlan: approved, southfieldPlan, qualityReview };
}
