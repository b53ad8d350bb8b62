// Criteria sets for tests, written with the seed's own writer so parts and guidance are laid out as in the app.
import { createCriteria, ENDORSEMENT_SET, GATEWAY_SET } from "@/prisma/seed/criteria";
import type { CriteriaSetKind, CriteriaSetStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";

type CriterionData = Parameters<typeof createCriteria>[2][number];

/** A criteria set of `kind` (by default the Centre's published criteria), published and in effect unless said otherwise. */
export async function criteriaSet(
  kind: CriteriaSetKind,
  over: { status?: CriteriaSetStatus; effectiveFrom?: Date | null; criteria?: CriterionData[] } = {},
) {
  const latest = await testDb().criteriaSet.findFirst({ where: { kind }, orderBy: { number: "desc" }, select: { number: true } });
  const set = await testDb().criteriaSet.create({
    data: {
      kind,
      number: (latest?.number ?? 0) + 1,
      name: kind === "GATEWAY" ? GATEWAY_SET.name : ENDORSEMENT_SET.name,
      source: "Test",
      status: over.status ?? "PUBLISHED",
      effectiveFrom: over.effectiveFrom === undefined ? new Date("2020-01-01") : over.effectiveFrom,
    },
  });
  const criteria = await createCriteria(testDb(), set.id, over.criteria ?? (kind === "GATEWAY" ? GATEWAY_SET : ENDORSEMENT_SET).criteria);
  return { ...set, criteria, ratable: criteria.filter((c) => c.ratable) };
}
