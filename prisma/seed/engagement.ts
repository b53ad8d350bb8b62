// Evaluations, notifications, a comment thread and process feedback.
import { addDays, daysAgo, monthsAgo } from "./dates";
import type { SeededCredential } from "./credentials";
import type { Seeded, SeedUser, Tx } from "./types";

export type EngagementRefs = {
  issuedCommissionId: string;
  palliative: SeededCredential;
  mentalHealthAcute: SeededCredential;
  urgentCare: { credential: SeededCredential; v1Id: string; changesRequestedAt: Date };
  fcp: { credential: SeededCredential; qualityReviewId: string; southfieldPlanId: string };
};

async function evaluations(tx: Tx, s: Seeded, fcp: SeededCredential) {
  await tx.evaluation.createMany({
    data: [
      {
        credentialId: null,
        period: "2024/25",
        conclusion:
          "Across the portfolio, 83% of enrolled learners completed and two thirds of completers were deployed in advanced-practice roles within six months. " +
          "Impact is strongest where employers protect supervision time.",
        recommendations:
          "Make supervision hours a monitored condition of delivery-plan approval; collect deployment data at 12 months as well as 6.",
        authorId: s.users.staff.id,
        createdAt: monthsAgo(10),
      },
      {
        credentialId: fcp.id,
        period: "2024/25",
        conclusion: `${fcp.reference} ${fcp.title}: first cohort completion was 78%, with clear reductions in waits for MSK first appointments.`,
        recommendations:
          "Encourage a second provider to widen geographical access; monitor paramedic and nurse completion, which lags physiotherapy.",
        authorId: s.users.staff.id,
        createdAt: monthsAgo(11),
      },
    ],
  });
}

async function notify(tx: Tx, user: SeedUser, title: string, body: string, link: string, createdAt: Date) {
  await tx.notification.create({ data: { userId: user.id, title, body, link, createdAt } });
}

async function notifications(tx: Tx, s: Seeded, r: EngagementRefs) {
  const { staff, expert, provider, reviewer } = s.users;
  const uc = r.urgentCare.credential;
  await notify(
    tx,
    expert,
    "New commission: Critical care",
    "The Centre has commissioned your group to develop a Critical care credential. Please accept or decline.",
    `/commissions/${r.issuedCommissionId}`,
    daysAgo(6),
  );
  await notify(
    tx,
    expert,
    `Changes requested: ${uc.reference} version 1`,
    "Reviewers asked for measurable outcomes and assessment across the age range.",
    `/credentials/${uc.id}`,
    r.urgentCare.changesRequestedAt,
  );
  const mh = r.mentalHealthAcute;
  await notify(
    tx,
    reviewer,
    `Review assigned: ${mh.reference} ${mh.title}`,
    "You have been assigned to assess version 1 against the endorsement criteria.",
    `/credentials/${mh.id}`,
    daysAgo(23),
  );
  await notify(
    tx,
    reviewer,
    "Quality review: PG Certificate in First Contact Practice (MSK)",
    "You are a reviewer on the quality review of this delivery.",
    `/quality-reviews/${r.fcp.qualityReviewId}`,
    daysAgo(70),
  );
  await notify(
    tx,
    provider,
    "Quality action overdue",
    "An action from the quality review of your FCP programme was due 10 days ago.",
    `/quality-reviews/${r.fcp.qualityReviewId}`,
    daysAgo(9),
  );
  const pal = r.palliative;
  await notify(
    tx,
    staff,
    `Specification submitted: ${pal.reference} ${pal.title}`,
    "Version 1 is ready for reviewers to be assigned.",
    `/credentials/${pal.id}`,
    daysAgo(3),
  );
  const fcp = r.fcp.credential;
  await notify(
    tx,
    staff,
    `Delivery plan submitted: Southfield University – ${fcp.reference}`,
    `A delivery plan for ${fcp.title} is awaiting review.`,
    `/delivery-plans/${r.fcp.southfieldPlanId}`,
    daysAgo(5),
  );
}

async function commentThread(tx: Tx, s: Seeded, r: EngagementRefs) {
  const at = r.urgentCare.changesRequestedAt;
  const comment = await tx.comment.create({
    data: {
      specificationVersionId: r.urgentCare.v1Id,
      section: "learningOutcomes",
      authorId: s.users.staff.id,
      body: "Both reviewers flagged outcomes 2 and 6 ('understand', 'contribute to') as not measurable. Could version 2 rewrite them with assessable verbs, and add frail older people and children?",
      createdAt: addDays(at, 1),
    },
    select: { id: true },
  });
  await tx.comment.create({
    data: {
      specificationVersionId: r.urgentCare.v1Id,
      section: "learningOutcomes",
      parentId: comment.id,
      authorId: s.users.expert.id,
      body: "Agreed. Version 2 rewrites every outcome and adds one on frail older people and children; we've also asked RCEM to check the level.",
      createdAt: addDays(at, 3),
    },
  });
}

export async function seedEngagement(tx: Tx, s: Seeded, r: EngagementRefs): Promise<void> {
  await evaluations(tx, s, r.fcp.credential);
  await notifications(tx, s, r);
  await commentThread(tx, s, r);
  await tx.processFeedback.create({
    data: {
      authorId: s.users.reviewer2.id,
      credentialId: r.urgentCare.credential.id,
      stage: "endorsement-review",
      rating: 4,
      body: "The criteria were clear, but it would help to see the commission brief alongside the specification when assessing criterion 4.1(a).",
      createdAt: addDays(r.urgentCare.changesRequestedAt, -10),
    },
  });
}
