import "server-only";
import { signCredential, identityHash, type Credential } from "@/lib/badges/jwt";
import { encodeStatusList, STATUS_LIST_LENGTH, statusPosition } from "@/lib/badges/status-list";
import { credentialUrl, issuerUrl, statusListUrl } from "@/lib/badges/urls";
import { absoluteUrl } from "@/lib/config";
import { db } from "@/lib/db";

// Public verification of the digital badges the Centre issues when it recognises a completion. No sign-in: anyone
// holding a badge's link can check it. Only recognised (or since revoked) badges exist; a recorded completion has none.
// Each badge is an Open Badges 3.0 credential signed as a VC-JWT; its revocation is a bit in the Centre's Bitstring
// Status List (lib/badges/status-list.ts), itself a signed credential.

export const ISSUER_NAME = "NHS England – Centre for Advancing Practice";

export async function badge(badgeId: string) {
  const row = await db().completion.findFirst({
    where: { badgeId, status: { in: ["RECOGNISED", "REVOKED"] } },
    select: {
      badgeId: true,
      badgeSalt: true,
      statusListIndex: true,
      status: true,
      practitionerName: true,
      registration: true,
      profession: true,
      completedOn: true,
      recognisedAt: true,
      organisation: { select: { name: true } },
      plan: { select: { programmeTitle: true } },
      credential: { select: { reference: true, title: true, summary: true, publishedAt: true } },
    },
  });
  return row?.badgeId && row.recognisedAt && row.badgeSalt
    ? { ...row, badgeId: row.badgeId, recognisedAt: row.recognisedAt, badgeSalt: row.badgeSalt }
    : null;
}

export type Badge = NonNullable<Awaited<ReturnType<typeof badge>>>;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The Centre as an Open Badges 3.0 issuer Profile, published at issuerUrl(). */
export const issuerProfile = () => ({
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  id: issuerUrl(),
  type: ["Profile"],
  name: ISSUER_NAME,
  url: absoluteUrl("/"),
});

/**
 * The badge as an Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials 2.0 data model). The recipient
 * is named only by salted hashes of their name and registration number, so the credential does not disclose them
 * to someone who does not already know them.
 */
export function toOpenBadge(b: Badge): Credential {
  const credentialName = `${b.credential.reference} ${b.credential.title}`;
  const { list } = statusPosition(b.statusListIndex);
  const listUrl = statusListUrl(list);
  const { "@context": _context, ...issuer } = issuerProfile();
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: credentialUrl(b.badgeId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `Completed the credential ${credentialName}`,
    issuer,
    validFrom: b.recognisedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityType: "name",
          hashed: true,
          identityHash: identityHash(b.practitionerName, b.badgeSalt),
          salt: b.badgeSalt,
        },
        {
          type: "IdentityObject",
          identityType: "identifier",
          hashed: true,
          identityHash: identityHash(b.registration, b.badgeSalt),
          salt: b.badgeSalt,
        },
      ],
      activityEndDate: isoDate(b.completedOn),
      achievement: {
        id: b.credential.publishedAt
          ? absoluteUrl(`/catalogue/${encodeURIComponent(b.credential.reference)}`)
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
    credentialStatus: {
      id: `${listUrl}#${b.statusListIndex}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(b.statusListIndex),
      statusListCredential: listUrl,
    },
  };
}

export const signedBadge = (b: Badge) => signCredential(toOpenBadge(b));

/** The bits of status list `list` that are set: the revoked badges whose index falls in it. */
export async function revokedBits(list: number): Promise<number[]> {
  const from = list * STATUS_LIST_LENGTH;
  const rows = await db().completion.findMany({
    where: { status: "REVOKED", badgeId: { not: null }, statusListIndex: { gte: from, lte: from + STATUS_LIST_LENGTH - 1 } },
    select: { statusListIndex: true },
  });
  return rows.map((r) => r.statusListIndex - from);
}

/** Status list `list` as a signed `BitstringStatusListCredential`, current as of now. */
export async function signedStatusList(list: number): Promise<string> {
  const url = statusListUrl(list);
  return signCredential({
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: issuerUrl(),
    validFrom: new Date().toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList: await encodeStatusList(await revokedBits(list)),
    },
  });
}
