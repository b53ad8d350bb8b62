import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InsetText, PageHeading, StatusTag, SummaryList, WarningCallout } from "@/components/ui";
import { badge, ISSUER_NAME } from "@/lib/data/badges";
import { formatDate } from "@/lib/format";
import { orNotFound, routeId } from "@/lib/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ badgeId: string }> };

export const metadata: Metadata = { title: "Verify a digital badge", robots: { index: false } };

/** Public verification of a digital badge: no sign-in. */
export default async function BadgePage({ params }: Props) {
  const { badgeId } = await params;
  const b = await badge(orNotFound(routeId(badgeId)));
  if (!b) notFound();
  const credential = `${b.credential.reference} ${b.credential.title}`;
  const revoked = b.status === "REVOKED";
  return (
    <article>
      <PageHeading caption="Digital badge" title={revoked ? "This badge has been revoked" : "This badge is valid"} />
      {revoked ? (
        <WarningCallout heading="This badge has been revoked">
          <p>{ISSUER_NAME} has revoked this badge. It is no longer evidence that the credential was completed.</p>
        </WarningCallout>
      ) : (
        <p className="mb-6 text-xl">
          This badge was issued by {ISSUER_NAME} to {b.practitionerName} for completing the credential {credential} on{" "}
          {formatDate(b.completedOn)}.
        </p>
      )}
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={b.status} label={revoked ? "Revoked" : "Valid"} /> },
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
      {revoked ? null : (
        <InsetText>
          <p>
            The badge is also available as an <a href={`/badges/${b.badgeId}/credential`}>Open Badges 3.0 credential (JSON-LD)</a>. It is
            not digitally signed: it is verified by this page and that address, both served by the Centre.
          </p>
        </InsetText>
      )}
    </article>
  );
}
