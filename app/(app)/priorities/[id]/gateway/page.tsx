import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormRadios, FormTextArea } from "@/components/forms/Fields";
import { CriterionGuidance } from "@/components/endorsement/CriterionGuidance";
import { BackLink, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { gatewayAnswers, listGatewayCriteria } from "@/lib/data/gateway";
import { getPriority } from "@/lib/data/priorities";
import { check, priorityMachine } from "@/lib/workflow";
import { assessGateway } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Assess against the gateway criteria" };

const ANSWERS = [
  { value: "MET", label: "Met" },
  { value: "NOT_MET", label: "Not met" },
];

export default async function GatewayPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const p = await getPriority(user, orNotFound(routeId((await params).id)));
  if (!p) notFound();
  const [criteria, answers] = await Promise.all([listGatewayCriteria(p.id), gatewayAnswers(p.id)]);
  const hidden: Record<string, string | number> = { id: p.id, version: p.version };
  const labels: Record<string, string> = {};
  criteria.forEach((c, i) => {
    hidden[`criteria.${i}.criterionId`] = c.id;
    labels[`criteria.${i}.met`] = labels[`criteria.${i}.rationale`] = `Criterion ${c.number}`;
  });
  const refusal = p.available.includes("assessGateway")
    ? null
    : check(priorityMachine, "assessGateway", p.status, { roundStatus: p.round.status, hasRequiredFields: true, actor: user });
  return (
    <>
      <BackLink href={`/priorities/${p.id}`}>Back to the priority</BackLink>
      <PageHeading
        caption={p.title}
        title="Assess against the gateway criteria"
        lede="Record whether the priority meets each criterion, and why. It passes the gateway only when every criterion is met, and only then can it be commissioned."
      />
      {refusal && !refusal.ok ? (
        <InsetText>
          <p>{refusal.reason}</p>
        </InsetText>
      ) : (
        <ActionForm action={assessGateway} hidden={hidden} labels={labels} submitLabel="Save gateway assessment">
          {criteria.map((c, i) => {
            const answer = answers.get(c.id);
            return (
              <section key={c.id} aria-labelledby={`criterion-${i}`} className="mb-8 border-b border-nhs-grey-4 pb-4">
                <h2 id={`criterion-${i}`} className="mb-2 text-xl font-bold">
                  Criterion {c.number}: {c.title}
                </h2>
                <p className="mb-4">{c.description}</p>
                <CriterionGuidance criterion={c} />
                <FormRadios
                  name={`criteria.${i}.met`}
                  label={`Is criterion ${c.number} met?`}
                  options={ANSWERS}
                  inline
                  defaultValue={answer ? (answer.met ? "MET" : "NOT_MET") : undefined}
                />
                <FormTextArea
                  name={`criteria.${i}.rationale`}
                  label={`Rationale for criterion ${c.number}`}
                  rows={3}
                  defaultValue={answer?.rationale}
                />
              </section>
            );
          })}
        </ActionForm>
      )}
    </>
  );
}
