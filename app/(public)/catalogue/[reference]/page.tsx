import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ApprovedProviders } from "@/components/catalogue/ApprovedProviders";
import { JsonLd } from "@/components/catalogue/JsonLd";
import { SpecificationDocument } from "@/components/catalogue/SpecificationDocument";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { BackLink, PageHeading, StatusTag, SummaryList, WarningCallout } from "@/components/ui";
import { cachedPublishedCredential } from "@/lib/data/catalogue-entry";
import { CATALOGUE_JSONLD_CONTEXT, catalogueAchievement } from "@/lib/data/catalogue-jsonld";
import { formatDate } from "@/lib/format";
import { CREDENTIAL_ORIGIN_LABELS, endorsementConditionMachine } from "@/lib/workflow";
import { PrintButton } from "@/components/ui/PrintButton";
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
/** "Endorsed without conditions", "All 2 conditions met", or "1 of 2 conditions met; 1 open, due by 3 March 2027". */
function conditionsInWords(conditions: readonly { status: string; dueOn: string | null }[]) {
  if (conditions.length === 0) return "Endorsed without conditions";
  const open = conditions.filter((x) => x.status !== "MET");
  const total = `${conditions.length} ${conditions.length === 1 ? "condition" : "conditions"}`;
  if (open.length === 0) return conditions.length === 1 ? "Its 1 condition is met" : `All ${total} met`;
  const due = open
    .map((x) => x.dueOn)
    .filter((d): d is string => d !== null)
    .sort();
  return `${conditions.length - open.length} of ${total} met; ${open.length} open${due.length > 0 ? `, due by ${formatDate(due[due.length - 1])}` : ""}`;
}

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
      <JsonLd
        data={{
          "@context": CATALOGUE_JSONLD_CONTEXT,
          ...catalogueAchievement({
            ...c,
            academicLevel: c.endorsedVersion.academicLevel,
            credits: c.endorsedVersion.credits,
            professions: c.endorsedVersion.targetProfessions.map((t) => t.profession.name),
          }),
        }}
      />
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
          { key: "Conditions", value: conditionsInWords(c.conditions) },
        ]}
      />
      <div className="no-print mb-8 flex flex-wrap items-center gap-6">
        <PrintButton />
        <a href={`/catalogue/${c.reference}/export`} download>
          Download the specification as open data (JSON)
        </a>
      </div>
      {c.providers ? <ApprovedProviders providers={c.providers} /> : null}
      <SpecificationDocument spec={c.endorsedVersion} />
      {c.coverage ? (
        <section aria-labelledby="coverage-heading" className="mb-8 break-inside-avoid-page">
          <h2 id="coverage-heading" className="mb-3 text-2xl">
            Coverage of the core capabilities
          </h2>
          <CoverageMatrix matrix={c.coverage} />
        </section>
      ) : null}
      {c.conditions.length > 0 ? (
        <section aria-labelledby="conditions-heading" className="mb-8">
          <h2 id="conditions-heading" className="mb-3 text-2xl">
            Conditions of endorsement
          </h2>
          <ol className="list-decimal space-y-3 pl-6">
            {c.conditions.map((x, i) => (
              <li key={i}>
                {x.text} <StatusTag status={x.status} label={endorsementConditionMachine.labels[x.status]} />
                <span className="block text-nhs-secondary">
                  {x.status === "MET"
                    ? `Met${x.metAt ? ` on ${formatDate(x.metAt)}` : ""}`
                    : `To be met${x.dueOn ? ` by ${formatDate(x.dueOn)}` : ""}; delivery goes ahead meanwhile`}
                </span>
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
