import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { FormSelect } from "@/components/forms/Fields";
import { PriorityFields } from "@/components/priorities/PriorityFields";
import { BackLink, PageHeading } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { roundOptions } from "@/lib/data/priorities";
import { createPriority } from "../actions";
import { routeId } from "@/lib/params";
import { can, priorityRoundMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Add a priority" };

export default async function NewPriorityPage({ searchParams }: { searchParams: Promise<{ round?: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const roundId = routeId((await searchParams).round);
  const rounds = (await roundOptions()).filter((r) => can(priorityRoundMachine, "addPriority", r.status, { actor: user }));
  const round = rounds.find((r) => r.id === roundId);
  return (
    <>
      <BackLink href={round ? `/priorities/rounds/${round.id}` : "/priorities"}>Back</BackLink>
      <PageHeading
        caption={round ? `Round ${round.name}` : undefined}
        title="Add a priority"
        lede="It is added as a draft at the bottom of the round's ranking. Publish it once the round is open."
      />
      <ActionForm action={createPriority} hidden={{ roundId: round?.id }} submitLabel="Add priority">
        {round ? null : (
          <FormSelect
            name="roundId"
            label="Round"
            placeholder="Choose a round"
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        <PriorityFields />
      </ActionForm>
    </>
  );
}
