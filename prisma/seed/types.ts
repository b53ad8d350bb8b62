import type { Prisma } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";

/** The interactive-transaction client every seed module writes through. */
export type Tx = Prisma.TransactionClient;

export type SeedUser = { id: string; role: Role; name: string; organisationId: string | null };
export type SeedOrg = { id: string; name: string };

export type OrgKey = "centre" | "acute" | "mentalHealth" | "primaryCare" | "northbridge" | "southfield" | "midlands" | "independent";

export type UserKey =
  | "staff"
  | "staff2"
  | "expert"
  | "expertMh"
  | "expertPc"
  | "provider"
  | "provider2"
  | "provider3"
  | "reviewer"
  | "reviewerSouthfield"
  | "reviewer2";

export type People = { orgs: Record<OrgKey, SeedOrg>; users: Record<UserKey, SeedUser> };

/** The published criteria sets; `endorsement` holds only the parts a reviewer rates ("4.1(a)" … "4.1(d)"). */
export type Criteria = {
  gatewaySetId: string;
  gateway: { id: string; number: string }[];
  endorsementSetId: string;
  endorsement: { id: string; number: string }[];
};

export type Seeded = People & Criteria;
