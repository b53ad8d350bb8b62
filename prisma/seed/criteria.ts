// Gateway criteria (1–3) and endorsement criteria (numbered on: 4, 4.1, 5–12). Criteria are data.
import { GATEWAY_CRITERIA as WORKFLOW_GATEWAY_CRITERIA } from "../../lib/workflow/priority";
import type { Criteria, Tx } from "./types";

type CriterionData = { number: string; title: string; description: string };

const GATEWAY_TITLES: Record<string, string> = {
  "1": "Defined high-priority need",
  "2": "Feasible, with a return on investment",
  "3": "Multi-professional advanced-level need",
};

/** Worded exactly as the workflow module (and DOMAIN.md) states them. */
export const GATEWAY_CRITERIA: CriterionData[] = WORKFLOW_GATEWAY_CRITERIA.map((c) => ({
  number: c.number,
  title: GATEWAY_TITLES[c.number],
  description: `${c.label}.`,
}));

export const ENDORSEMENT_CRITERIA: CriterionData[] = [
  {
    number: "4",
    title: "Area-specific capabilities",
    description: "The specification sets out the area-specific capabilities needed by advanced practitioners in this area.",
  },
  {
    number: "4.1",
    title: "Capabilities at advanced level",
    description:
      "The capabilities relate to key professional activities for safe, effective care, align with the Framework, address complexity, uncertainty and risk, and reflect academic level 7.",
  },
  {
    number: "5",
    title: "High-priority need at scale",
    description: "The credential addresses a defined, high-priority workforce and population need that exists at scale.",
  },
  {
    number: "6",
    title: "Aligned with the multi-professional framework",
    description:
      "Learning outcomes map to the four pillars and core capabilities of the Multi-professional Framework for Advanced Clinical Practice.",
  },
  {
    number: "7",
    title: "Measurable outcomes at the stated level",
    description: "Learning outcomes are measurable, and pitched at the stated academic level and credit volume.",
  },
  {
    number: "8",
    title: "Valid, robust assessment strategy",
    description: "The assessment strategy is valid and robust, and assesses every learning outcome in practice where appropriate.",
  },
  {
    number: "9",
    title: "Multi-professional applicability",
    description:
      "The credential is open to, and workable for, each profession in its target group, with profession-specific requirements stated.",
  },
  {
    number: "10",
    title: "Current evidence base",
    description: "The content rests on a current, cited evidence base, including national guidance and service models.",
  },
  {
    number: "11",
    title: "Supervision and governance",
    description: "Supervision, workplace support and clinical governance arrangements are clear and achievable for employers.",
  },
  {
    number: "12",
    title: "Equality, diversity and inclusion",
    description: "The specification addresses equality, diversity and inclusion, for both learners and the populations they serve.",
  },
];

export async function seedCriteria(tx: Tx): Promise<Criteria> {
  const gateway = [];
  for (const [i, c] of GATEWAY_CRITERIA.entries()) {
    gateway.push(await tx.gatewayCriterion.create({ data: { ...c, sortOrder: i + 1 }, select: { id: true, number: true } }));
  }
  const endorsement = [];
  for (const [i, c] of ENDORSEMENT_CRITERIA.entries()) {
    endorsement.push(
      await tx.endorsementCriterion.create({
        data: { ...c, sortOrder: i + 1 },
        select: { id: true, number: true, title: true },
      }),
    );
  }
  return { gateway, endorsement };
}
