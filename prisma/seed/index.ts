// Runs every part of the demo seed, in dependency order, inside the caller's transaction.
import { seedCriteria } from "./criteria";
import { seedEngagement } from "./engagement";
import { seedFramework } from "./framework";
import { seedPeople } from "./people";
import { seedPriorities } from "./priorities";
import { seedEstablished } from "./scenarios/established";
import { seedFcp } from "./scenarios/fcp";
import { seedInDevelopment } from "./scenarios/in-development";
import { seedInReview } from "./scenarios/in-review";
import { seedPanels } from "./scenarios/panels";
import { seedMonitoring } from "./scenarios/monitoring";
import { seedRemapping } from "./scenarios/remapping";
import { monthsAgo } from "./dates";
import type { Seeded, Tx } from "./types";

export async function seedAll(tx: Tx, passwordHash: string): Promise<void> {
  await seedFramework(tx);
  const people = await seedPeople(tx, passwordHash, monthsAgo(40));
  const s: Seeded = { ...people, ...(await seedCriteria(tx)) };
  const priorities = await seedPriorities(tx, s);
  const development = await seedInDevelopment(tx, s, priorities);
  const review = await seedInReview(tx, s, priorities);
  const fcp = await seedFcp(tx, s, priorities);
  await seedEstablished(tx, s, priorities);
  await seedPanels(tx, s);
  await seedRemapping(tx, s);
  await seedMonitoring(tx, s);
  await seedEngagement(tx, s, {
    issuedCommissionId: development.issuedCommission.id,
    palliative: development.palliative,
    mentalHealthAcute: review.mentalHealthAcute.credential,
    urgentCare: {
      credential: review.urgentCare.credential,
      v1Id: review.urgentCare.v1.id,
      changesRequestedAt: review.urgentCare.changesRequestedAt,
    },
    fcp: { credential: fcp.credential, qualityReviewId: fcp.qualityReview.id, southfieldPlanId: fcp.southfieldPlan.id },
  });
}
