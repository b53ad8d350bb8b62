import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { SectionTaskList } from "@/components/specification/SectionTaskList";
import { SpecificationEditor } from "@/components/specification/SpecificationEditor";
import { BackLink, InsetText, PageHeading, StatusTag } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { coverageMatrixOf } from "@/lib/data/capability-mapping";
import { specificationVersionOf, targetProfessionChoices, versionPermissions } from "@/lib/data/specification-reads";
import { missingCapabilities, specificationVersionMachine } from "@/lib/workflow";
import { autosaveSpecification, saveSpecification } from "../../../actions";
import { orNotFound, routeId, routeNumber } from "@/lib/params";

export const metadata: Metadata = { title: "Edit specification" };

export default async function EditSpecificationPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const user = await requireUser();
  const { id, number } = await params;
  const version = await specificationVersionOf(user, orNotFound(routeId(id)), orNotFound(routeNumber(number)));
  if (!version) notFound();
  const { credential } = version;
  const versionPath = `/credentials/${credential.id}/versions/${version.number}`;
  const can = versionPermissions(user, version);
  const caption = `${credential.reference} ${credential.title}`;

  if (!can.canEdit) {
    return (
      <>
        <BackLink href={versionPath}>Back to version {version.number}</BackLink>
        <PageHeading caption={caption} title={`Edit specification version ${version.number}`} />
        <p className="mb-6">
          Status: <StatusTag status={version.status} label={specificationVersionMachine.labels[version.status]} />
        </p>
        <InsetText>
          <p>{can.editRefusal}</p>
        </InsetText>
        <p>
          <Link href={versionPath}>View version {version.number}</Link>
        </p>
      </>
    );
  }

  const { learningOutcomes, epas, targetProfessions, ...fields } = version;
  const [matrix, professions] = await Promise.all([
    coverageMatrixOf(user, credential.id, version.number),
    targetProfessionChoices(version.id),
  ]);
  return (
    <>
      <BackLink href={versionPath}>Back to version {version.number}</BackLink>
      <PageHeading
        caption={caption}
        title={`Edit specification version ${version.number}`}
        lede="Sections may stay empty while you draft. Your draft is saved a moment after you stop typing, or when you save it; everything is checked when you submit."
      />
      <SectionTaskList
        version={version}
        missing={can.missing}
        capabilities={
          matrix
            ? { href: `${versionPath}/capabilities`, missing: missingCapabilities(matrix.coverage).length, total: matrix.coverage.length }
            : undefined
        }
      />
      <SpecificationEditor
        action={saveSpecification}
        autosave={autosaveSpecification}
        token={crypto.randomUUID()}
        professions={professions}
        spec={{
          ...fields,
          targetProfessionIds: targetProfessions.map((t) => t.profession.id),
          learningOutcomes: learningOutcomes.map(({ id, text, pillars }) => ({ id, text, pillars })),
          epas: epas.map(({ title, description }) => ({ title, description })),
        }}
      />
      <p>
        {/* Saves what was typed first (see UnsavedChanges). */}
        <Link href={versionPath} data-save-first>
          Check version {version.number} and submit it for endorsement
        </Link>
      </p>
    </>
  );
}
