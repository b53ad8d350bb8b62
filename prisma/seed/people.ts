// Organisations and users. The four demo sign-ins come from prisma/demo-users.ts; the rest fill out the picture.
import { DEMO_USERS } from "../demo-users";
import type { OrganisationKind, Role } from "../../lib/generated/prisma/enums";
import type { OrgKey, People, SeedOrg, SeedUser, Tx, UserKey } from "./types";

const ORGANISATIONS: Record<OrgKey, { name: string; kind: OrganisationKind }> = {
  centre: { name: DEMO_USERS.CENTRE_STAFF.organisation, kind: "CENTRE" },
  acute: { name: DEMO_USERS.EXPERT.organisation, kind: "EXPERT_GROUP" },
  mentalHealth: { name: "Mental Health Expert Group", kind: "EXPERT_GROUP" },
  primaryCare: { name: "Primary Care Expert Group", kind: "EXPERT_GROUP" },
  northbridge: { name: DEMO_USERS.PROVIDER.organisation, kind: "EDUCATION_PROVIDER" },
  southfield: { name: "Southfield University", kind: "EDUCATION_PROVIDER" },
  midlands: { name: "Midlands Health Education Consortium", kind: "EDUCATION_PROVIDER" },
  independent: { name: DEMO_USERS.REVIEWER.organisation, kind: "OTHER" },
};

type UserSpec = { email: string; name: string; role: Role; org: OrgKey; isAdmin?: boolean };

const demo = (role: Role, org: OrgKey, isAdmin = false): UserSpec => ({
  email: DEMO_USERS[role].email,
  name: DEMO_USERS[role].name,
  role,
  org,
  isAdmin,
});

const USERS: Record<UserKey, UserSpec> = {
  staff: demo("CENTRE_STAFF", "centre", true),
  expert: demo("EXPERT", "acute"),
  provider: demo("PROVIDER", "northbridge"),
  reviewer: demo("REVIEWER", "independent"),
  staff2: { email: "james.whitfield@centre.example", name: "James Whitfield", role: "CENTRE_STAFF", org: "centre" },
  expertMh: { email: "aisha.rahman@mental-health.example", name: "Dr Aisha Rahman", role: "EXPERT", org: "mentalHealth" },
  expertPc: { email: "gareth.llewellyn@primary-care.example", name: "Gareth Llewellyn", role: "EXPERT", org: "primaryCare" },
  provider2: { email: "mark.ellison@southfield.example", name: "Dr Mark Ellison", role: "PROVIDER", org: "southfield" },
  provider3: { email: "anita.desai@midlands-hec.example", name: "Anita Desai", role: "PROVIDER", org: "midlands" },
  reviewerSouthfield: { email: "claire.donovan@southfield.example", name: "Prof Claire Donovan", role: "REVIEWER", org: "southfield" },
  reviewer2: { email: "ravi.menon@independent.example", name: "Dr Ravi Menon", role: "REVIEWER", org: "independent" },
};

/** Each pair of demo reviewers brings the academic and clinical expertise an endorsement review needs. */
const EXPERTISE: Partial<
  Record<UserKey, { expertise: ("ACADEMIC" | "CLINICAL" | "SERVICE_USER_OR_LAY")[]; clinicalProfessions?: string[] }>
> = {
  reviewer: { expertise: ["CLINICAL"], clinicalProfessions: ["Paramedic"] },
  reviewerSouthfield: { expertise: ["ACADEMIC", "CLINICAL"], clinicalProfessions: ["Nurse"] },
  reviewer2: { expertise: ["ACADEMIC", "SERVICE_USER_OR_LAY"] },
};

export const STAFF_EMAIL = DEMO_USERS.CENTRE_STAFF.email;

export async function seedPeople(tx: Tx, passwordHash: string, createdAt: Date): Promise<People> {
  const orgs = {} as Record<OrgKey, SeedOrg>;
  for (const [key, spec] of Object.entries(ORGANISATIONS) as [OrgKey, (typeof ORGANISATIONS)[OrgKey]][]) {
    orgs[key] = await tx.organisation.create({ data: { ...spec, createdAt }, select: { id: true, name: true } });
  }
  const users = {} as Record<UserKey, SeedUser>;
  for (const [key, spec] of Object.entries(USERS) as [UserKey, UserSpec][]) {
    users[key] = await tx.user.create({
      data: {
        email: spec.email,
        name: spec.name,
        role: spec.role,
        isAdmin: spec.isAdmin ?? false,
        passwordHash,
        organisationId: orgs[spec.org].id,
        ...EXPERTISE[key],
        createdAt,
      },
      select: { id: true, role: true, name: true, organisationId: true },
    });
  }
  return { orgs, users };
}
