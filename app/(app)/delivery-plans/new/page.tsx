import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormSelect, FormTextInput } from "@/components/forms/Fields";
import { BackLink, ChoiceSearch, InsetText, PageHeading, WarningCallout } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { credentialsOpenForPlans, newPlanTarget } from "@/lib/data/delivery-plans";
import { startPlan } from "../actions";
import { routeId } from "@/lib/params";
import { searchTerm } from "@/lib/data/paging";

export const metadata: Metadata = { title: "Start a delivery plan" };

export default async function NewDeliveryPlanPage({ searchParams }: { searchParams: Promise<{ credential?: string; find?: string }> }) {
  const user = await requireRole("PROVIDER");
  const query = await searchParams;
  const credentialId = routeId(query.credential);
  const [credentials, target] = await Promise.all([
    credentialsOpenForPlans(user, searchTerm(query.find)),
    credentialId ? newPlanTarget(user, credentialId) : null,
  ]);
  // A credential chosen elsewhere (its page's "Start a delivery plan") is offered even when the search has not found it.
  const options =
    target?.start.ok && !credentials.options.some((c) => c.id === target.id) ? [target, ...credentials.options] : credentials.options;
  const refusal = target && !target.start.ok ? { name: `${target.reference} ${target.title}`, reason: target.start.reason } : null;
  return (
    <>
      <BackLink href="/delivery-plans">Delivery plans</BackLink>
      <PageHeading
        title="Start a delivery plan"
        lede="Plan how your organisation will deliver an endorsed credential. You can save the plan as a draft and submit it for approval once every learning outcome is mapped."
      />
      {refusal ? (
        <WarningCallout heading={`You cannot start a plan for ${refusal.name}`}>
          <p>{refusal.reason}</p>
        </WarningCallout>
      ) : null}
      <ChoiceSearch
        action="/delivery-plans/new"
        keep={{ credential: credentialId }}
        param="find"
        label="Find the credential by reference or title"
        search={credentials.search}
        shown={credentials.options.length}
        total={credentials.total}
        noun="credentials open for delivery"
      />
      {options.length === 0 ? (
        <InsetText>
          <p>
            {credentials.search
              ? "No credential endorsed for delivery matches your search."
              : "There are no credentials endorsed for delivery at the moment."}
          </p>
        </InsetText>
      ) : (
        <ActionForm
          action={startPlan}
          submitLabel="Start delivery plan"
          labels={{ credentialId: "Credential", programmeTitle: "Programme or module title" }}
        >
          <FormSelect
            name="credentialId"
            label="Credential"
            hint="The plan is made against the credential's current endorsed specification."
            placeholder="Choose a credential"
            options={options.map((c) => ({ value: c.id, label: `${c.reference} ${c.title}` }))}
            defaultValue={refusal ? undefined : credentialId}
          />
          <FormTextInput name="programmeTitle" label="Programme or module title" hint="You can change it later." />
        </ActionForm>
      )}
    </>
  );
}
