// A small factory for integration tests: rows a test needs as its starting point.
// State changes under test always go through the data layer, never through here.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import type { OrganisationKind, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/workflow";
import { testDb } from "./db";

const unique = () => randomUUID().slice(0, 8);

export async function organisation(kind: OrganisationKind, name = `${kind} ${unique()}`) {
  return testDb().organisation.create({ data: { name, kind } });
}

/** A user with a role (and organisation), returned as the actor the data layer expects. */
export async function actor(role: Role, organisationId: string | null = null): Promise<Actor & { email: string }> {
  const u = await testDb().user.create({
    data: { email: `${role.toLowerCase()}-${unique()}@test.example`, name: `${role} user`, passwordHash: "not-used", role, organisationId },
  });
  return { id: u.id, role: u.role, organisationId: u.organisationId, email: u.email };
}

/** A user as the session carries them, for tests that call actions or route handlers as that user. */
export async function sessionUser(role: Role, organisationId: string | null): Promise<SessionUser> {
  const a = await actor(role, organisationId);
  return { id: a.id, email: a.email, name: `${role} user`, role, isAdmin: false, organisationId, organisationName: null };
}

export async function round(status: "DRAFT" | "OPEN" | "CLOSED" = "OPEN") {
  return testDb().priorityRound.create({ data: { name: `Round ${unique()}`, status } });
}

export async function priority(
  roundId: string,
  over: Partial<{ status: "DRAFT" | "PUBLISHED" | "CLOSED"; gatewayOutcome: "NOT_ASSESSED" | "PASSED" | "FAILED" }> = {},
) {
  return testDb().priority.create({
    data: {
      roundId,
      title: `Priority ${unique()}`,
      workforceNeed: "Need",
      populationNeed: "Population",
      longTermPlanLink: "LTP",
      professions: ["Nursing"],
      rank: 1,
      ...over,
    },
  });
}

export async function commission(priorityId: string, organisationId: string, createdById: string, status: "DRAFT" | "ISSUED" = "DRAFT") {
  return testDb().commission.create({
    data: {
      priorityId,
      organisationId,
      createdById,
      status,
      title: `Credential ${unique()}`,
      brief: "Brief",
      deliverables: "Specification",
      startsOn: new Date("2026-01-01"),
      dueOn: new Date("2026-06-30"),
    },
  });
}

/** The common cast: staff, an expert group with a member, and a second expert group with a member. */
export async function cast() {
  const centre = await organisation("CENTRE");
  const group = await organisation("EXPERT_GROUP");
  const otherGroup = await organisation("EXPERT_GROUP");
  const provider = await organisation("EDUCATION_PROVIDER");
  return {
    staff: await actor("CENTRE_STAFF", centre.id),
    expert: await actor("EXPERT", group.id),
    otherExpert: await actor("EXPERT", otherGroup.id),
    provider: await actor("PROVIDER", provider.id),
    reviewer: await actor("REVIEWER", null),
    group,
    otherGroup,
  };
}

export const auditFor = (entityId: string) => testDb().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

/** A profession on the Centre's list (the migration's list is emptied with every reset). */
export async function profession(name = "Physiotherapy", regulator = "HCPC") {
  return testDb().profession.upsert({ where: { name }, create: { name, regulator }, update: {} });
}

/** A practitioner recorded by `organisationId`: eligible (a profession and a registration number) unless told otherwise. */
export async function practitioner(
  organisationId: string,
  over: { name?: string; professionId?: string | null; registrationNumber?: string | null; listedInDirectory?: boolean } = {},
) {
  const professionId = over.professionId === undefined ? (await profession()).id : over.professionId;
  return testDb().practitioner.create({
    data: { name: `Practitioner ${unique()}`, registrationNumber: `PH${unique()}`, ...over, organisationId, professionId },
  });
}
