import { StatusTag } from "@/components/ui";
import { isOverdue, qualityActionMachine, type QualityActionStatus as Status } from "@/lib/workflow";

/** An action's status tag, with an "Overdue" tag beside it when it is past its due date and not closed. */
export function QualityActionStatus({ status, dueOn, now }: { status: Status; dueOn: Date; now: Date }) {
  return (
    <>
      <StatusTag status={status} label={qualityActionMachine.labels[status]} />{" "}
      {isOverdue(status, dueOn, now) ? <StatusTag status="OVERDUE" label="Overdue" /> : null}
    </>
  );
}
