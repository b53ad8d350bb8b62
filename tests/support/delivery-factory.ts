// Starting points for delivery-plan tests: an endorsed credential with learning outcomes, and plans against it.
// State changes under test always go through the data layer, never through here.
import { randomUUID } from "node:crypto";
import type { CredentialStatus, DeliveryPlanStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { actor, organisation } from "./factory";

const unique = () => randomUUID().slice(0, 8);

/**
 * A credential whose version 1 is endorsed with `outcomes` learning outcomes (positions 1…n), owned by the given
 * expert group or a new one.
 */
export async function endorsedCredential(status: CredentialStatus = "ENDORSED", outcomes = 3, ownerOrganisationId?: string) {
  const owner = ownerOrganisationId ?? (await organisation("EXPERT_GROUP")).id;
  const credential = await testDb().credential.create({
    data: { reference: `APC-T${unique()}`, title: `Credential ${unique()}`, ownerOrganisationId: owner, origin: "COMMISSIONED", status },
  });
  const version = await testDb().specificationVersion.create({
    data: {
      credentialId: credential.id,
      number: 1,
      status: "ENDORSED",
      learningOutcomes: {
        create: Array.from({ length: outcomes }, (_, i) => ({ position: i + 1, text: `Outcome ${i + 1}`, pillars: ["CLINICAL_PRACTICE"] })),
      },
    },
    include: { learningOutcomes: { orderBy: { position: "asc" } } },
  });
  await testDb().credential.update({ where: { id: credential.id }, data: { endorsedVersionId: version.id } });
  return { ...credential, versionId: version.id, outcomeIds: version.learningOutcomes.map((o) => o.id) };
}

type Credential = Awaited<ReturnType<typeof endorsedCredential>>;

/** A complete plan in the given state, every outcome mapped unless `mapped` says how many. */
export async function plan(
  credential: Credential,
  organisationId: string,
  status: DeliveryPlanStatus = "DRAFT",
  mapped = credential.outcomeIds.length,
) {
  return testDb().deliveryPlan.create({
    data: {
      credentialId: credential.id,
      specificationVersionId: credential.versionId,
      organisationId,
      status,
      programmeTitle: `Programme ${unique()}`,
      award: "PG Cert",
      deliveryMode: "Blended",
      startsOn: new Date("2027-09-01"),
      cohortSize: 20,
      staffingAndSupervision: "Programme lead and supervisors",
      qualityAssurance: "External examiner",
      mappings: {
        create: credential.outcomeIds
          .slice(0, mapped)
          .map((learningOutcomeId) => ({ learningOutcomeId, module: "M1", assessment: "OSCE" })),
      },
    },
  });
}

/** Staff, two education providers with two members each (the second provider's members see nothing of the first's). */
export async function deliveryCast() {
  const centre = await organisation("CENTRE");
  const provider = await organisation("EDUCATION_PROVIDER");
  const otherProvider = await organisation("EDUCATION_PROVIDER");
  return {
    staff: await actor("CENTRE_STAFF", centre.id),
    provider: await actor("PROVIDER", provider.id),
    colleague: await actor("PROVIDER", provider.id),
    otherProvider: await actor("PROVIDER", otherProvider.id),
    expert: await actor("EXPERT", (await organisation("EXPERT_GROUP")).id),
    providerOrg: provider,
  };
}

export const notificationsFor = (userId: string) =>
  testDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { title: true, body: true, link: true } });
