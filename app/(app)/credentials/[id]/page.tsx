import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { Breadcrumbs, ButtonLink, PageHeading, Pagination, StatusTag, SuccessBanner, SummaryList, Table } from "@/components/ui";
import { bannerFor } from "@/lib/done";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import { requireUser } from "@/lib/auth/session";
import { credentialOverview } from "@/lib/data/specification-reads";
import { remappingImpact } from "@/lib/data/remapping";
import { RemappingImpact } from "@/components/delivery-plans/RemappingImpact";
import { formatDate } from "@/lib/format";
import { can, CREDENTIAL_ORIGIN_LABELS, credentialMachine, specificationVersionMachine } from "@/lib/workflow";
import { startNewVersion, startPeriodicReview } from "./actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Credential" };

const DONE = {
  commissionAccepted: {
    heading: "Commission accepted",
    body: "This credential and its first draft specification are ready for your expert group to write.",
  },
  registered: { heading: "Pilot credential registered", body: "The expert group can now draft its specification." },
};

export default async function CredentialPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const [credential, impact] = await Promise.all([credentialOverview(user, id, query.versions), remappingImpact(user, id)]);
  if (!credential) notFound();
  const base = `/credentials/${credential.id}`;
  const { latest, versions, hasReview } = credential;
  const writable = credential.canWriteDrafts && latest?.status === "DRAFT";

  return (
    <>
      <Breadcrumbs items={[{ href: "/credentials", label: "Credentials" }]} />
      <SuccessBanner banner={bannerFor(DONE, query.done)} />
      <PageHeading caption={credential.reference} title={credential.title} lede={credential.summary ?? undefined} />
      <SummaryList
        rows={[
          { key: "Reference", value: credential.reference },
          { key: "Origin", value: CREDENTIAL_ORIGIN_LABELS[credential.origin] },
          { key: "Expert group", value: credential.ownerOrganisation.name },
          ...(credential.commission
            ? [{ key: "Commission", value: <Link href={`/commissions/${credential.commission.id}`}>{credential.commission.title}</Link> }]
            : []),
          { key: "Status", value: <StatusTag status={credential.status} label={credentialMachine.labels[credential.status]} /> },
          {
            key: "Endorsed",
            value: credential.endorsedAt
              ? `${formatDate(credential.endorsedAt)}${credential.endorsedVersion ? ` (version ${credential.endorsedVersion.number})` : ""}`
              : "Not yet endorsed",
          },
          ...(credential.reviewDueAt ? [{ key: "Periodic review due", value: formatDate(credential.reviewDueAt) }] : []),
          ...(credential.publishedAt ? [{ key: "Published in the catalogue", value: formatDate(credential.publishedAt) }] : []),
        ]}
      />

      <div className="mb-8 flex flex-wrap items-start gap-4">
        {writable && latest ? <ButtonLink href={`${base}/versions/${latest.number}/edit`}>Edit version {latest.number}</ButtonLink> : null}
        {credential.canStartNewVersion && latest ? (
          <TransitionButton action={startNewVersion} id={latest.id} version={latest.version} submitLabel="Start a new version" />
        ) : null}
        {hasReview ? (
          <ButtonLink href={`${base}/review`} variant="secondary">
            Endorsement review
          </ButtonLink>
        ) : null}
        {can(credentialMachine, "startPeriodicReview", credential.status, { publishedAt: credential.publishedAt, actor: user }) ? (
          <TransitionButton
            action={startPeriodicReview}
            id={credential.id}
            version={credential.version}
            submitLabel="Start the periodic review now"
            submitVariant="secondary"
          />
        ) : null}
        {credential.versionCount > 1 ? (
          <ButtonLink href={`${base}/compare`} variant="secondary">
            Compare versions
          </ButtonLink>
        ) : null}
      </div>

      <Table
        caption={`Specification versions (${credential.versionCount})`}
        columns={[
          { key: "number", header: "Version" },
          { key: "status", header: "Status" },
          { key: "submitted", header: "Submitted" },
          { key: "decided", header: "Decided" },
          { key: "links", header: "Actions" },
        ]}
        rowHeader="number"
        rows={versions.map((v) => ({
          number: `Version ${v.number}`,
          status: <StatusTag status={v.status} label={specificationVersionMachine.labels[v.status]} />,
          submitted: v.submittedAt ? formatDate(v.submittedAt) : "Not submitted",
          decided: v.decidedAt ? formatDate(v.decidedAt) : "Not decided",
          links: (
            <span className="flex flex-wrap gap-x-4">
              <Link href={`${base}/versions/${v.number}`}>
                View<span className="sr-only"> version {v.number}</span>
              </Link>
              {v.status === "DRAFT" && writable ? (
                <Link href={`${base}/versions/${v.number}/edit`}>
                  Edit<span className="sr-only"> version {v.number}</span>
                </Link>
              ) : null}
              {v.previousNumber !== null ? (
                <Link href={`${base}/compare?a=${v.previousNumber}&b=${v.number}`}>
                  Compare<span className="sr-only"> version {v.number}</span> with version {v.previousNumber}
                </Link>
              ) : null}
            </span>
          ),
        }))}
        empty="You cannot see any specification version of this credential yet."
      />
      <Pagination
        basePath={base}
        searchParams={query}
        page={credential.versionsPage}
        pageCount={credential.versionsPageCount}
        param="versions"
        label="Specification versions pages"
      />

      <RemappingImpact impact={impact} />

      <History entityIds={[credential.id, ...versions.map((v) => v.id)]} basePath={`/credentials/${id}`} searchParams={query} />
    </>
  );
}
