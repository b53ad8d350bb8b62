import "server-only";
import { db } from "@/lib/db";

// Public verification of the digital badges the Centre issues when it recognises a completion. No sign-in: anyone
// holding a badge's link can check it. Only recognised (or since revoked) badges exist; a recorded completion has none.

export const ISSUER_NAME = "NHS England – Centre for Advancing Practice";

export async function badge(badgeId: string) {
  const row = await db().completion.findFirst({
    where: { badgeId, status: { in: ["RECOGNISED", "REVOKED"] } },
    select: {
      badgeId: true,
      status: true,
      practitionerName: true,
      profession: true,
      completedOn: true,
      recognisedAt: true,
      organisation: { select: { name: true } },
      plan: { select: { programmeTitle: true } },
      credential: { select: { reference: true, title: true, summary: true, publishedAt: true } },
    },
  });
  return row?.badgeId && row.recognisedAt ? { ...row, badgeId: row.badgeId, recognisedAt: row.recognisedAt } : null;
}

export type Badge = NonNullable<Awaited<ReturnType<typeof badge>>>;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The badge as an Open Badges 3.0 `OpenBadgeCredential` (JSON-LD, W3C Verifiable Credentials 2.0 data model).
 * It is not signed: it carries no `proof`, so it is verified by fetching it from the Centre's own address.
 */
export function toOpenBadge(b: Badge, origin: string) {
  const credentialName = `${b.credential.reference} ${b.credential.title}`;
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: `${origin}/badges/${b.badgeId}/credential`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `Completed the credential ${credentialName}`,
    issuer: { id: origin, type: ["Profile"], name: ISSUER_NAME, url: origin },
    validFrom: b.recognisedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: b.practitionerName }],
      activityEndDate: isoDate(b.completedOn),
      achievement: {
        id: b.credential.publishedAt
          ? `${origin}/catalogue/${encodeURIComponent(b.credential.reference)}`
          : `urn:apc:credential:${b.credential.reference}`,
        type: ["Achievement"],
        achievementType: "Certificate",
        name: credentialName,
        description: b.credential.summary ?? `A multi-professional advanced-practice credential endorsed by the ${ISSUER_NAME}.`,
        criteria: {
          narrative: `Completed the credential ${credentialName}, delivered by ${b.organisation.name} (${b.plan.programmeTitle}) under a delivery plan approved by the Centre, meeting every learning outcome of the endorsed specification.`,
        },
      },
    },
  };
}
