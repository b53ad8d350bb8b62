import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormRadios, FormTextArea } from "@/components/forms/Fields";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { capabilityMappingOf } from "@/lib/data/capability-mapping";
import { versionContext } from "@/lib/data/specifications";
import { orNotFound, routeId, routeNumber } from "@/lib/params";
import { check, PILLAR_LABELS, PILLARS, specificationVersionMachine, UNCOVERED_DISPOSITION_LABELS } from "@/lib/workflow";
import { saveOutcomeCapabilities, saveUncoveredCapabilities } from "../../../actions";

export const metadata: Metadata = { title: "Capability mapping" };

/**
 * The expert group maps each learning outcome to the core capabilities of the version's framework edition (one form per
 * outcome, a group of checkboxes per pillar), then says for each capability no outcome covers where practitioners meet
 * it or that it is out of scope. Plain forms: all of it works without JavaScript.
 */
export default async function CapabilityMappingPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const user = await requireUser();
  const { id, number } = await params;
  const v = await capabilityMappingOf(user, orNotFound(routeId(id)), orNotFound(routeNumber(number)));
  if (!v) notFound();
  const versionPath = `/credentials/${v.credential.id}/versions/${v.number}`;
  const { matrix } = v;
  const edit = check(specificationVersionMachine, "edit", v.status, { ...versionContext(v), actor: user });
  const uncovered = matrix.coverage.filter((c) => c.outcomes.length === 0);
  const said = new Map(v.uncoveredCapabilities.map((u) => [u.coreCapabilityId, u]));

  return (
    <>
      <BackLink href={versionPath}>Back to version {v.number}</BackLink>
      <PageHeading
        caption={`${v.credential.reference} ${v.credential.title}`}
        title="Capability mapping"
        lede={`Map each learning outcome to the core capabilities of the ${matrix.edition.title} (${matrix.edition.year}) it develops. For every core capability no outcome covers, say where practitioners meet it instead, or mark it out of scope.`}
      />
      <h2 className="mb-4 text-2xl font-bold">Coverage</h2>
      <CoverageMatrix matrix={matrix} />

      {!edit.ok ? (
        <InsetText>
          <p>{edit.reason}</p>
        </InsetText>
      ) : (
        <>
          <h2 className="mb-4 text-2xl font-bold">Learning outcomes</h2>
          {matrix.outcomes.length === 0 ? (
            <p>
              This version has no learning outcomes yet. <Link href={`${versionPath}/edit#learningOutcomes`}>Write them first</Link>.
            </p>
          ) : null}
          {matrix.outcomes.map((o) => (
            <section key={o.id} aria-labelledby={`outcome-${o.position}-heading`} className="mb-6 border-l-4 border-nhs-grey-4 pl-4">
              <h3 id={`outcome-${o.position}-heading`} className="mb-2 text-xl font-bold">
                Outcome {o.position}
              </h3>
              <p className="mb-4 whitespace-pre-line">{o.text || "No text yet."}</p>
              <ActionForm
                action={saveOutcomeCapabilities}
                hidden={{ id: v.id, version: v.version, outcomeId: o.id }}
                submitLabel={`Save capabilities for outcome ${o.position}`}
                submitVariant="secondary"
              >
                {PILLARS.map((pillar) => {
                  const options = matrix.coverage
                    .filter((c) => c.capability.pillar === pillar)
                    .map((c) => ({ value: c.capability.id, label: `${c.capability.number} ${c.capability.summary}` }));
                  return options.length === 0 ? null : (
                    <FormCheckboxes
                      key={pillar}
                      name={`capabilities.outcome${o.position}.${pillar}`}
                      label={`${PILLAR_LABELS[pillar]} capabilities outcome ${o.position} develops`}
                      options={options}
                      defaultValue={o.capabilityIds}
                    />
                  );
                })}
              </ActionForm>
            </section>
          ))}

          <h2 id="uncovered" className="mb-4 text-2xl font-bold">
            Core capabilities no outcome covers
          </h2>
          {uncovered.length === 0 ? (
            <p>Every core capability is covered by at least one learning outcome.</p>
          ) : (
            <ActionForm
              action={saveUncoveredCapabilities}
              hidden={{ id: v.id, version: v.version }}
              submitLabel="Save uncovered capabilities"
              labels={Object.fromEntries(
                uncovered.flatMap((c, i) => [
                  [`uncovered.${i}.disposition`, `Capability ${c.capability.number}`],
                  [`uncovered.${i}.provision`, `Capability ${c.capability.number}: other provision`],
                ]),
              )}
            >
              {uncovered.map((c, i) => {
                const answer = said.get(c.capability.id);
                return (
                  <fieldset key={c.capability.id} className="mb-6 border-l-4 border-nhs-grey-4 pl-4">
                    <legend className="mb-2 text-lg font-bold">
                      {c.capability.number} {c.capability.summary}
                    </legend>
                    <input type="hidden" name={`uncovered.${i}.capabilityId`} value={c.capability.id} />
                    <FormRadios
                      name={`uncovered.${i}.disposition`}
                      label={`How is capability ${c.capability.number} met?`}
                      options={[
                        { value: "OTHER_PROVISION", label: UNCOVERED_DISPOSITION_LABELS.OTHER_PROVISION },
                        { value: "OUT_OF_SCOPE", label: UNCOVERED_DISPOSITION_LABELS.OUT_OF_SCOPE },
                      ]}
                      defaultValue={answer?.disposition}
                    />
                    <FormTextArea
                      name={`uncovered.${i}.provision`}
                      label={`Links to other provision for capability ${c.capability.number}`}
                      hint="Where practitioners meet this capability, if not through this credential: another credential, their core programme, workplace supervision."
                      rows={2}
                      defaultValue={answer?.provision}
                    />
                  </fieldset>
                );
              })}
            </ActionForm>
          )}
        </>
      )}
      <p>
        <Link href={versionPath}>Check version {v.number} and submit it for endorsement</Link>
      </p>
    </>
  );
}
