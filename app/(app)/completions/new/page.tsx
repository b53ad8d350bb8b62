import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormCheckboxes, FormDateInput, FormRadios, FormSelect, FormTextInput } from "@/components/forms/Fields";
import { BackLink, ChoiceSearch, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { plansOpenForCompletions } from "@/lib/data/completions";
import { activeProfessions, practitionerOptions } from "@/lib/data/practitioners";
import { ELIGIBILITY_RULE, isEligible, RECOGNITION_ROUTE_LABELS, RECOGNITION_ROUTES } from "@/lib/workflow/practitioner";
import { recordCompletion } from "../actions";
import { rowId, searchTerm } from "@/lib/data/paging";

export const metadata: Metadata = { title: "Record a completion" };

const LABELS = {
  planId: "Delivery plan",
  practitionerId: "Practitioner",
  practitionerName: "Practitioner's full name",
  professionId: "Profession",
  registration: "Professional registration number",
  recognitionRoute: "How the practitioner is recognised at advanced level",
  listedInDirectory: "Directory listing",
  completedOn: "Date completed",
};

export default async function NewCompletionPage({ searchParams }: { searchParams: Promise<{ plan?: string; find?: string }> }) {
  const user = await requireRole("PROVIDER");
  const query = await searchParams;
  const plan = rowId(query.plan);
  const [choice, practitioners, professions] = await Promise.all([
    plansOpenForCompletions(user, searchTerm(query.find), plan),
    practitionerOptions(user),
    activeProfessions(),
  ]);
  const plans = choice.options;
  return (
    <>
      <BackLink href="/completions">Completions</BackLink>
      <PageHeading
        title="Record a completion"
        lede="Record a practitioner who has completed the credential through one of your approved delivery plans. The Centre will recognise the completion with a verifiable digital badge."
      />
      <ChoiceSearch
        action="/completions/new"
        keep={{ plan }}
        param="find"
        label="Find the delivery plan by credential or programme title"
        search={choice.search}
        shown={plans.length}
        total={choice.total}
        noun="approved delivery plans"
      />
      {plans.length === 0 ? (
        <InsetText>
          <p>
            {choice.search
              ? "None of your approved delivery plans matches your search."
              : "Your organisation has no approved delivery plans, so there are no completions to record yet."}
          </p>
        </InsetText>
      ) : (
        <ActionForm action={recordCompletion} submitLabel="Record completion" labels={LABELS}>
          <FormSelect
            name="planId"
            label={LABELS.planId}
            hint="The approved plan through which the practitioner completed the credential."
            placeholder="Choose a delivery plan"
            options={plans.map((p) => ({ value: p.id, label: `${p.credential.reference} ${p.credential.title}: ${p.programmeTitle}` }))}
            defaultValue={plans.some((p) => p.id === plan) ? plan : undefined}
          />
          <InsetText>
            <p>{ELIGIBILITY_RULE}</p>
          </InsetText>
          {practitioners.length > 0 ? (
            <FormSelect
              name="practitionerId"
              label={LABELS.practitionerId}
              hint="Someone your organisation recorded before, or leave this as a new practitioner and give their details below."
              placeholder="A new practitioner"
              options={practitioners.map((p) => ({
                value: p.id,
                label: `${p.name}${p.profession ? `, ${p.profession.name}` : ""}${isEligible(p) ? "" : " (not eligible: details missing)"}`,
              }))}
            />
          ) : null}
          <fieldset className="mb-6">
            <legend className="mb-4 text-xl font-bold">{practitioners.length > 0 ? "Or a new practitioner" : "The practitioner"}</legend>
            <FormTextInput name="practitionerName" label={LABELS.practitionerName} autoComplete="off" />
            <FormSelect
              name="professionId"
              label={LABELS.professionId}
              hint="The regulated profession they are registered in."
              placeholder="Choose a profession"
              options={professions.map((p) => ({ value: p.id, label: `${p.name} (${p.regulator})` }))}
              className="md:w-1/2"
            />
            <FormTextInput
              name="registration"
              label={LABELS.registration}
              hint="Their number with the regulator: for example, an NMC PIN, or an HCPC or GPhC registration number."
              autoComplete="off"
              className="md:w-1/2"
            />
            <FormRadios
              name="recognitionRoute"
              label={LABELS.recognitionRoute}
              options={RECOGNITION_ROUTES.map((r) => ({ value: r, label: RECOGNITION_ROUTE_LABELS[r] }))}
            />
            <FormCheckboxes
              name="listedInDirectory"
              label={LABELS.listedInDirectory}
              hint="Only with the practitioner's agreement. Listed practitioners appear in the public directory with their name, profession and recognised credentials."
              options={[{ value: "yes", label: "The practitioner agrees to be listed in the public directory" }]}
            />
          </fieldset>
          <FormDateInput
            name="completedOn"
            label={LABELS.completedOn}
            hint="The date the practitioner completed the credential. It cannot be in the future. For example, 15 3 2026"
          />
        </ActionForm>
      )}
    </>
  );
}
