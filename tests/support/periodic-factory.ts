// Starting points for periodic-review and scheduled-job tests. State changes under test go through the
// data layer or the job handlers, never through here.
import type { CurrencyCheckKind, PeriodicReviewStatus } from "@/lib/generated/prisma/enums";
import { CURRENCY_CHECKS } from "@/lib/workflow";
import { testDb } from "./db";
import { endorsedCredential } from "./delivery-factory";
import { actor, organisation } from "./factory";

export const DAY = 24 * 60 * 60 * 1000;
export const daysFrom = (at: Date, days: number) => new Date(at.getTime() + days * DAY);

/** Staff, a provider, and an endorsed credential (version 1 with 2 outcomes and an EPA) whose expert group has a member. */
export async function periodicCast(reviewDueAt: Date | null = null) {
  const credential = await endorsedCredential("ENDORSED", 2);
  await testDb().epa.create({
    data: { specificationVersionId: credential.versionId, position: 1, title: "EPA 1", description: "Leads a clinic" },
  });
  await testDb().credential.update({ where: { id: credential.id }, data: { reviewDueAt, endorsedAt: daysFrom(new Date(), -1000) } });
  const provider = await organisation("EDUCATION_PROVIDER");
  return {
    credential,
    staff: await actor("CENTRE_STAFF", (await organisation("CENTRE")).id),
    expert: await actor("EXPERT", credential.ownerOrganisationId),
    provider: await actor("PROVIDER", provider.id),
    providerOrg: provider,
  };
}

export type PeriodicCast = Awaited<ReturnType<typeof periodicCast>>;

const ALL_KINDS = CURRENCY_CHECKS.map((c) => c.key) as CurrencyCheckKind[];

/** Puts the credential under periodic review with a review in `status` and the given checks already recorded. */
export async function reviewOf(
  c: PeriodicCast,
  over: { status?: PeriodicReviewStatus; dueAt?: Date; checks?: CurrencyCheckKind[] | "all" } = {},
) {
  const kinds = over.checks === "all" ? ALL_KINDS : (over.checks ?? []);
  await testDb().credential.update({ where: { id: c.credential.id }, data: { status: "UNDER_PERIODIC_REVIEW" } });
  return testDb().periodicReview.create({
    data: {
      credentialId: c.credential.id,
      dueAt: over.dueAt ?? daysFrom(new Date(), 30),
      status: over.status ?? "IN_PROGRESS",
      checks: { create: kinds.map((kind) => ({ kind, finding: `Finding on ${kind}`, changeNeeded: false, recordedById: c.staff.id })) },
    },
  });
}
