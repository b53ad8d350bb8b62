import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormTextInput } from "@/components/forms/Fields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { createRound } from "../../actions";

export const metadata: Metadata = { title: "Create a priority round" };

export default async function NewRoundPage() {
  await requireRole("CENTRE_STAFF");
  return (
    <>
      <BackLink href="/priorities">Back to priorities</BackLink>
      <PageHeading
        title="Create a priority round"
        lede="Priorities are set in rounds, yearly or twice a year. A new round starts as a draft; open it when priorities may be published."
      />
      <ActionForm action={createRound} submitLabel="Create round">
        <FormTextInput name="name" label="Round name" hint="For example, 2027/28." className="md:w-60" />
      </ActionForm>
    </>
  );
}
