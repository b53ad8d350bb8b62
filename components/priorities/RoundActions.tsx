import { closeRound, openRound } from "@/app/(app)/priorities/actions";
import { AvailableTransitions } from "@/components/workflow/AvailableTransitions";
import { ButtonLink } from "@/components/ui";
import { priorityRoundMachine } from "@/lib/workflow";

type Props = { round: { id: string; name: string; status: string; version: number }; available: readonly string[] };

/** Open / close a round, and add a priority to it while the machine allows (staff). */
export function RoundActions({ round, available }: Props) {
  return (
    <>
      <AvailableTransitions
        machine={priorityRoundMachine}
        available={available}
        actions={{ open: { action: openRound }, close: { action: closeRound, variant: "secondary", confirm: true } }}
        confirmPath={`/priorities/rounds/${round.id}/confirm`}
        id={round.id}
        version={round.version}
        subject={round.name}
      />
      {available.includes("addPriority") ? (
        <ButtonLink href={`/priorities/new?round=${round.id}`} variant="secondary" className="mb-8">
          Add a priority<span className="sr-only"> to round {round.name}</span>
        </ButtonLink>
      ) : null}
    </>
  );
}
