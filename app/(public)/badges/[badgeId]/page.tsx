import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { verdictHeading, VerdictCallout, VerdictTag } from "@/components/badges/BadgeVerdict";
import { PageHeading, SummaryList } from "@/components/ui";
import { verifyBadgeJwt } from "@/lib/badges/verify";
import { badge, ISSUER_NAME, signedBadge } from "@/lib/data/badges";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ badgeId: string }> };

export const metadata: Metadata = { title: "Verify a digital badge", robots: { index: false } };

/**
 * Public verification of a digital badge: no sign-in. The page checks the signed badge as any verifier would (its
 * signature, then its bit in the Centre's signed status list) and says what it found.
 */
export default async function BadgePage({ params }: Props) {
  const { badgeId } = await params;
  const b = await badge(orNotFound(routeId(badgeId)));
  if (!b) notFound();
  const verdict = await verifyBadgeJwt(await signedBadge(b));
  const credential = `${b.credential.reference} ${b.credential.title}`;
  return (
    <article>
      <PageHeading caption="Digital badge" title={verdictHeading(verdict.state)} />
      {verdict.state === "valid" ? (
        <p className="mb-6 text-xl">
          This badge was issued by {ISSUER_NAME} to {b.practitionerName} for completing the credential {credential} on{" "}
          {formatDate(b.completedOn)}. Its signature and its revocation status were checked just now.
        </p>
      ) : (
        <VerdictCallout state={verdict.state} reason={"reason" in verdict ? verdict.reason : undefined} />
      )}
      <SummaryList
        rows={[
          { key: "Status", value: <VerdictTag state={verdict.state} /> },
          { key: "Practitioner", value: b.practitionerName },
          { key: "Profession", value: b.profession },
          {
            key: "Credential",
            value: b.credential.publishedAt ? (
              <Link href={`/catalogue/${encodeURIComponent(b.credential.reference)}`}>{credential}</Link>
            ) : (
              credential
            ),
          },
          { key: "Education provider", value: b.organisation.name },
          { key: "Completed the credential on", value: formatDate(b.completedOn) },
          { key: "Badge issued", value: formatDate(b.recognisedAt) },
          { key: "Issuer", value: ISSUER_NAME },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">The signed badge</h2>
      <p>
        The badge is an Open Badges 3.0 credential signed by the Centre (a VC-JWT). Keep it, and anyone can check it, even away from this
        page.
      </p>
      <ul className="mb-6 list-disc pl-6">
        <li>
          <a href={`/badges/${b.badgeId}/jwt`} download>
            Download signed badge
          </a>
        </li>
        <li>
          <a href={`/badges/${b.badgeId}/credential`}>View the badge&rsquo;s contents (JSON)</a>
        </li>
        <li>
          <Link href="/badges/verify">Check a signed badge you hold</Link>
        </li>
      </ul>
    </article>
  );
}
