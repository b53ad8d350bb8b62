// The Centre's published criteria, as version 1 of each criteria set, summarised in our own words (admins can enter
// the official wording as a new version). Nothing here goes beyond what the two pages publish:
// - Gateway: "Credential gateway criteria", NHS England Centre for Advancing Practice,
//   https://advanced-practice.hee.nhs.uk/our-work/credentials/credential-gateway-criteria/ — criteria 1–3.
// - Endorsement: "Endorsement criteria" (updated June 2022; May 2023), NHS England Centre for Advancing Practice,
//   https://advanced-practice.hee.nhs.uk/our-work/credentials/endorsement-criteria/ — criterion 4 and 4.1 with its
//   four parts and guidance notes, numbered on from the gateway criteria. That is all the page sets out as we read it
//   (its last guidance note, on entrustable professional activities, is cut short in our copy); anything further the
//   Centre publishes is entered by an admin as a new version, not invented here.
import type { Criteria, Tx } from "./types";

type CriterionData = { number: string; title: string; description: string; guidance?: string; parts?: CriterionData[] };
type SetData = { name: string; source: string; effectiveFrom: Date; criteria: CriterionData[] };

export const GATEWAY_SOURCE =
  "Credential gateway criteria, NHS England Centre for Advancing Practice: https://advanced-practice.hee.nhs.uk/our-work/credentials/credential-gateway-criteria/";
export const ENDORSEMENT_SOURCE =
  "Endorsement criteria (updated June 2022; May 2023), NHS England Centre for Advancing Practice: https://advanced-practice.hee.nhs.uk/our-work/credentials/endorsement-criteria/";

export const GATEWAY_SET: SetData = {
  name: "Gateway criteria",
  source: GATEWAY_SOURCE,
  // The page carries no date; the demo takes the set to be in effect from June 2022, the date of the related pages.
  effectiveFrom: new Date("2022-06-01"),
  criteria: [
    {
      number: "1",
      title: "High-priority need",
      description:
        "The area addresses a high-priority population, patient care and service delivery need, where defining a structured, standardised unit of learning and assessment would help develop and deploy the advanced-level practice workforce.",
      // The page details criterion 1 as 1.1 onwards; our copy shows only the start of 1.1, summarised here as guidance.
      guidance:
        "1.1: it relates to a defined, understood workforce development need, for example the needs of a particular population or patient group.",
    },
    {
      number: "2",
      title: "Feasible, with a return on investment",
      description:
        "A credential in this area would be feasible to develop and deliver, and would repay the investment through how it meets the workforce or service need and benefits patients and the population.",
    },
    {
      number: "3",
      title: "Multi-professional advanced-level need",
      description:
        "The area is a specific, multi-professional workforce development need that aligns with the advanced practice capabilities Health Education England set out in 2017 (Multi-professional Framework for Advanced Practice).",
    },
  ],
};

export const ENDORSEMENT_SET: SetData = {
  name: "Endorsement criteria",
  source: ENDORSEMENT_SOURCE,
  effectiveFrom: new Date("2023-05-01"),
  criteria: [
    {
      number: "4",
      title: "Advanced practice capabilities in the area",
      description:
        "The candidate credential specification sets out the advanced practice capabilities needed in the specific area of practice it covers.",
      parts: [
        {
          number: "4.1",
          title: "How the capability requirements are written",
          description: "The specification expresses its capability requirements in ways that meet each of the four parts below.",
          guidance: [
            "Make clear how the area-specific capabilities map to the core capabilities of the Multi-professional Framework for Advanced Practice.",
            "Explain how the specification links to other advanced practice provision, so practitioners can develop and show the advanced-level capabilities it is not right for this specification to cover.",
            "The specification may name the entrustable professional activities that practitioners should be able to carry out once they complete it.",
          ].join("\n"),
          parts: [
            {
              number: "4.1(a)",
              title: "Key professional activities",
              description:
                "They relate to carrying out the professional activities that are key to safe, effective patient care in the area.",
            },
            {
              number: "4.1(b)",
              title: "Aligned with the Framework",
              description:
                "They align with the advanced practice capabilities that apply across all areas of health and care practice, as the Multi-professional Framework for Advanced Practice (Health Education England, 2017) sets them out.",
            },
            {
              number: "4.1(c)",
              title: "Complexity, uncertainty and risk",
              description: "They relate to managing clinical complexity, uncertainty, unpredictability and risk in the area.",
            },
            {
              number: "4.1(d)",
              title: "Academic level 7",
              description: "They reflect the key features of learning at academic level 7.",
            },
          ],
        },
      ],
    },
  ],
};

/** Writes a set's criteria, parts after their parent, in reading order. */
export async function createCriteria(tx: Tx, setId: string, criteria: CriterionData[]) {
  const created: { id: string; number: string; ratable: boolean }[] = [];
  async function write(list: CriterionData[], parentId: string | null) {
    for (const { parts, ...c } of list) {
      const row = await tx.criterion.create({
        data: { ...c, setId, parentId, sortOrder: created.length + 1 },
        select: { id: true, number: true },
      });
      created.push({ ...row, ratable: !parts?.length });
      if (parts?.length) await write(parts, row.id);
    }
  }
  await write(criteria, null);
  return created;
}

async function createPublishedSet(tx: Tx, kind: "GATEWAY" | "ENDORSEMENT", set: SetData) {
  const row = await tx.criteriaSet.create({
    data: {
      kind,
      number: 1,
      name: set.name,
      source: set.source,
      status: "PUBLISHED",
      effectiveFrom: set.effectiveFrom,
      publishedAt: set.effectiveFrom,
    },
    select: { id: true },
  });
  return { setId: row.id, criteria: await createCriteria(tx, row.id, set.criteria) };
}

export async function seedCriteria(tx: Tx): Promise<Criteria> {
  const gateway = await createPublishedSet(tx, "GATEWAY", GATEWAY_SET);
  const endorsement = await createPublishedSet(tx, "ENDORSEMENT", ENDORSEMENT_SET);
  return {
    gatewaySetId: gateway.setId,
    gateway: gateway.criteria,
    endorsementSetId: endorsement.setId,
    endorsement: endorsement.criteria.filter((c) => c.ratable),
  };
}
