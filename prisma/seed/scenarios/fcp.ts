// Credential 5 — commissioned, endorsed with conditions, published, and delivered (see fcp-delivery.ts).
import { createCommission } from "../commissions";
import { createCredential, endorseAndPublish, specThroughReview } from "../credentials";
import { addDays, daysFromNow, monthsAgo } from "../dates";
import { FCP_MSK } from "../content/primary";
import type { SeededPriorities } from "../priorities";
import type { Seeded, Tx } from "../types";
import { seedFcpDelivery } from "./fcp-delivery";

export async function seedFcp(tx: Tx, s: Seeded, p: SeededPriorities) {
  const { staff, staff2, expertPc } = s.users;
  const issuedAt = addDays(p.fcpMsk.gatewayAt, 14);
  const acceptedAt = addDays(issuedAt, 7);
  const endorsedAt = monthsAgo(26);
  const credential = await createCredential(tx, {
    reference: "APC-0005",
    title: "First Contact Practitioner – Musculoskeletal",
    summary: "Advanced practice for first contact MSK practitioners in primary care, consolidating the FCP roadmap to practice.",
    owner: s.orgs.primaryCare,
    origin: "COMMISSIONED",
    priorityId: p.fcpMsk.id,
    createdAt: acceptedAt,
    createdBy: expertPc,
  });
  const { version } = await specThroughReview(tx, s, {
    credentialId: credential.id,
    content: FCP_MSK,
    author: expertPc,
    draftedAt: addDays(acceptedAt, 14),
    submittedAt: addDays(endorsedAt, -45),
    assessors: [
      {
        reviewer: s.users.reviewer,
        recommendation: "ENDORSE_WITH_CONDITIONS",
        comment: "An excellent, well-grounded specification. Supervision for professions new to FCP roles needs to be explicit.",
        concerns: { "4.1(a)": ["PARTIALLY_MET", "Does not say how paramedics and nurses new to MSK reach a roadmap supervisor."] },
      },
      {
        reviewer: s.users.reviewerSouthfield,
        recommendation: "ENDORSE",
        comment: "Ready for endorsement; a mapping to roadmap stages would help providers.",
        concerns: { "4.1(b)": ["PARTIALLY_MET", "Mapping to the core capabilities and roadmap stages is implicit rather than shown."] },
      },
    ],
    decision: {
      decision: "ENDORSE_WITH_CONDITIONS",
      rationale:
        "Both reviewers recommend endorsement. Two conditions address supervision for new-to-MSK professions and an explicit roadmap mapping.",
      conditions: [
        {
          text: "Add guidance on how learners from professions new to MSK first contact roles secure a trained roadmap supervisor.",
          dueOn: addDays(endorsedAt, 90),
          met: {
            at: addDays(endorsedAt, 70),
            by: staff2,
            note: "Supervision guidance added as an appendix and confirmed with the expert group.",
          },
        },
        {
          text: "Publish an appendix mapping each learning outcome to the FCP roadmap stage 1 and stage 2 capabilities.",
          dueOn: daysFromNow(30),
        },
      ],
    },
  });
  await endorseAndPublish(tx, credential, version, { endorsedAt, publishedAt: addDays(endorsedAt, 10), by: staff });
  await createCommission(tx, {
    priority: p.fcpMsk,
    organisation: s.orgs.primaryCare,
    brief:
      "Develop a credential for first contact MSK practitioners in primary care, consolidating the FCP roadmap to practice at advanced level.",
    issuedAt,
    issuedBy: staff,
    months: 8,
    response: { accepted: true, at: acceptedAt, by: expertPc },
    completedAt: endorsedAt,
    credentialId: credential.id,
  });
  const delivery = await seedFcpDelivery(tx, s, credential.id, version, addDays(endorsedAt, 10));
  return { credential, version, ...delivery };
}
