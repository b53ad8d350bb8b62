import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SpecificationDocument } from "@/components/catalogue/SpecificationDocument";
import { BackLink, PageHeading, StatusTag, SummaryList, WarningCallout } from "@/components/ui";
import { cachedPublishedCredential } from "@/lib/data/catalogue";
import { formatDate } from "@/lib/format";
import { CREDENTIAL_ORIGIN_LABELS, endorsementConditionMachine } from "@/lib/workflow";
import { PrintButton } from "./PrintButton";
import { orNotFound, routeReference } from "@/lib/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const reference = routeReference((await params).reference);
  const credential = reference ? await cachedPublishedCredential(reference) : null;
  return { title: credential ? `${credential.reference}: ${credential.title}` : "Credential not found" };
}

/**
 * The public, print-friendly page of a published credential: its endorsed specification in full. Once withdrawn,
 * the page stays (links to it live on in course pages and badges) but says so and no longer shows the specification.
 */
export default async function PublishedCredentialPage({ params }: Props) {
  const c = await cachedPublishedCredential(orNotFound(routeReference((await params).reference)));
  if (!c?.endorsedVersion) notFound();
  if (c.status === "WITHDRAWN") {
    return (
      <article>
        <BackLink href="/catalogue">Back to the catalogue</BackLink>
        <PageHeading caption={`Credential ${c.reference}`} title={c.title} />
        <WarningCallout heading="This credential has been withdrawn">
          <p>
            The Centre for Advancing Practice withdrew this credential{c.withdrawnAt ? ` on ${formatDate(c.withdrawnAt)}` : ""}. It is no
            longer endorsed and no longer listed in the catalogue.
          </p>
        </WarningCallout>
        <p>
          <Link href="/catalogue">See the endorsed credentials</Link>
        </p>
      </article>
    );
  }
  return (
    <article>
      <BackLink href="/catalogue">Back to the catalogue</BackLink>
      <PageHeading caption={`Credential ${c.reference}`} title={c.title} lede={c.summary ?? undefined} />
      <SummaryList
        rows={[
          { key: "Reference", value: c.reference },
          { key: "Expert group", value: c.ownerOrganisation.name },
          { key: "Route", value: CREDENTIAL_ORIGIN_LABELS[c.origin] },
          { key: "Specification version", value: String(c.endorsedVersion.number) },
          { key: "Endorsed", value: c.endorsedAt ? formatDate(c.endorsedAt) : "" },
          { key: "Periodic review due", value: c.reviewDueAt ? formatDate(c.reviewDueAt) : "" },
          {
            key: "Conditions",
            value:
              c.conditions.length === 0
                ? "Endorsed without conditions"
                : `${c.conditions.length} ${c.conditions.length === 1 ? "condition" : "conditions"}, ${c.conditions.filter((x) => x.status === "MET").length} met`,
          },
        ]}
      />
      <div className="no-print mb-8 flex flex-wrap items-center gap-6">
        <PrintButton />
        <a href={`/catalogue/${c.reference}/export`} download>
          Download the specification as open data (JSON)
        </a>
      </div>
      <SpecificationDocument spec={c.endorsedVersion} />
      {c.conditions.length > 0 ? (
        <section aria-labelledby="conditions-heading" className="mb-8">
          <h2 id="conditions-heading" className="mb-3 text-2xl">
            Conditions of endorsement
          </h2>
          <ol className="list-decimal space-y-3 pl-6">
            {c.conditions.map((x, i) => (
              <li key={i}>
                {x.text} <StatusTag status={x.status} label={endorsementConditionMachine.labels[x.status]} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="text-nhs-secondary">
        Published by the Centre for Advancing Practice{c.publishedAt ? ` on ${formatDate(c.publishedAt)}` : ""}.{" "}
        <Link href="/catalogue" className="no-print">
          See all endorsed credentials
        </Link>
      </p>
    </article>
  );
}
