import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { SpecificationSections } from "@/components/specification/SpecificationSections";
import { Breadcrumbs, ButtonLink, PageHeading, StatusTag, SuccessBanner, WarningCallout } from "@/components/ui";
import { bannerFor } from "@/lib/done";
import { ReasonForm, TransitionButton } from "@/components/workflow/TransitionForms";
import { requireUser } from "@/lib/auth/session";
import { commentCounts, commentPaging, commentThreads } from "@/lib/data/comments";
import { firstValue, type QueryParams } from "@/lib/data/paging";
import { specificationVersionWithCoverage, versionPermissions } from "@/lib/data/specification-reads";
import { missingCapabilities, SPECIFICATION_SECTIONS, specificationVersionMachine } from "@/lib/workflow";
import { addComment, recallSpecification, reopenComment, resolveComment, submitSpecification } from "../../actions";
import { orNotFound, routeId, routeNumber } from "@/lib/params";

export const metadata: Metadata = { title: "Specification version" };

type Params = { id: string; number: string };

const DONE = {
  submitted: { heading: "Specification submitted", body: "This version has been submitted for endorsement. Centre staff have been told." },
  recalled: { heading: "Submission recalled", body: "This version has been recalled and is a draft again." },
  commented: { heading: "Comment added", body: "Your comment has been added. The other participants have been told." },
  resolved: { heading: "Comment resolved", body: "The thread is marked resolved; anyone taking part can reopen it." },
  reopened: { heading: "Comment reopened", body: "The thread is open again. The other participants have been told." },
};

export default async function SpecificationVersionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const { id, number } = await params;
  const search = await searchParams;
  const read = await specificationVersionWithCoverage(user, orNotFound(routeId(id)), orNotFound(routeNumber(number)));
  if (!read) notFound();
  const { version, matrix } = read;
  const { credential } = version;
  const base = `/credentials/${credential.id}`;
  const pagePath = `${base}/versions/${version.number}`;
  const can = versionPermissions(user, version);
  const commenter = user.role !== "PROVIDER";
  const paging = commentPaging(search);
  const [threads, counts] = commenter
    ? await Promise.all([commentThreads(user, version.id, paging), commentCounts(user, version.id)])
    : [new Map(), new Map()];
  const capabilityGaps = missingCapabilities(matrix.coverage);
  const labels = new Map(SPECIFICATION_SECTIONS.map((s) => [s.key as string, s.label]));
  const done = bannerFor(DONE, firstValue(search.done));

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: base, label: `${credential.reference} ${credential.title}` },
        ]}
      />
      <SuccessBanner banner={done} />
      <PageHeading caption={`${credential.reference} ${credential.title}`} title={`Specification version ${version.number}`} />
      <p className="mb-6">
        Status: <StatusTag status={version.status} label={specificationVersionMachine.labels[version.status]} />
      </p>

      {can.canEdit && can.missing.length > 0 ? (
        <WarningCallout heading="Sections to complete before submitting">
          <ul className="list-disc pl-6">
            {can.missing.map((key) => (
              <li key={key}>
                <Link href={`${pagePath}/edit#${key}`}>{labels.get(key)}</Link>
              </li>
            ))}
          </ul>
        </WarningCallout>
      ) : null}
      {can.canEdit && capabilityGaps.length > 0 ? (
        <WarningCallout heading="Core capabilities to account for before submitting">
          <p>
            No learning outcome covers {capabilityGaps.length === 1 ? "capability" : "capabilities"} {capabilityGaps.join(", ")}, and the
            specification does not yet say where practitioners meet {capabilityGaps.length === 1 ? "it" : "them"} or that{" "}
            {capabilityGaps.length === 1 ? "it is" : "they are"} out of scope.{" "}
            <Link href={`${pagePath}/capabilities#uncovered`}>Complete the capability mapping</Link>
          </p>
        </WarningCallout>
      ) : null}

      <div className="mb-8 flex flex-wrap items-start gap-4">
        {can.canEdit ? <ButtonLink href={`${pagePath}/edit`}>Edit this version</ButtonLink> : null}
        {can.canSubmit ? (
          <TransitionButton action={submitSpecification} id={version.id} version={version.version} submitLabel="Submit for endorsement" />
        ) : null}
        {version.number > 1 ? (
          <ButtonLink href={`${base}/compare?a=${version.number - 1}&b=${version.number}`} variant="secondary">
            Compare with version {version.number - 1}
          </ButtonLink>
        ) : null}
      </div>
      {can.canRecall ? (
        <ReasonForm
          action={recallSpecification}
          id={version.id}
          version={version.version}
          submitLabel="Recall submission"
          submitVariant="secondary"
          label="Reason for recalling (optional)"
          hint="Recall the submission to make changes before the review starts."
        />
      ) : null}

      <section aria-labelledby="coverage-heading" className="mb-8">
        <h2 id="coverage-heading" className="mb-4 text-2xl font-bold">
          Coverage of the core capabilities
        </h2>
        {can.canEdit ? (
          <p>
            <Link href={`${pagePath}/capabilities`}>Map learning outcomes to core capabilities</Link>
          </p>
        ) : null}
        <CoverageMatrix matrix={matrix} />
      </section>
      <SpecificationSections
        version={version}
        threads={threads}
        counts={counts}
        paging={paging}
        pagePath={pagePath}
        searchParams={search}
        open={{ comment: routeId(firstValue(search.comment)), reply: routeId(firstValue(search.reply)) }}
        commentActions={commenter ? { add: addComment, resolve: resolveComment, reopen: reopenComment } : null}
      />
      <History entityIds={[version.id]} heading="History of this version" />
    </>
  );
}
