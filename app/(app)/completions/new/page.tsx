import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormDateInput, FormSelect, FormTextInput } from "@/components/forms/Fields";
import { BackLink, ChoiceSearch, InsetText, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { plansOpenForCompletions } from "@/lib/data/completions";
import { recordCompletion } from "../actions";
import { rowId, searchTerm } from "@/lib/data/paging";

export const metadata: Metadata = { title: "Record a completion" };

const LABELS = {
  planId: "Delivery plan",
  practitionerName: "Practitioner's full name",
  registration: "Professional registration number",
  profession: "Profession",
  completedOn: "Date completed",
};

export default async function NewCompletionPage({ searchParams }: { searchParams: Promise<{ plan?: string; find?: string }> }) {
  const user = await requireRole("PROVIDER");
  const query = await searchParams;
  const plan = rowId(query.plan);
  const choice = await plansOpenForCompletions(user, searchTerm(query.find), plan);
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
          <FormTextInput name="practitionerName" label={LABELS.practitionerName} autoComplete="off" />
          <FormTextInput
            name="registration"
            label={LABELS.registration}
            hint="For example, an NMC PIN or an HCPC registration number."
            autoComplete="off"
            className="md:w-1/2"
          />
          <FormTextInput
            name="profession"
            label={LABELS.profession}
            hint="For example, Physiotherapy, Nursing or Paramedicine."
            className="md:w-1/2"
          />
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
