import Link from "@/components/ui/Link";
import { StatusTag } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { endorsementConditionMachine, type EndorsementConditionStatus } from "@/lib/workflow";

type Condition = {
  id: string;
  text: string;
  status: EndorsementConditionStatus;
  metNote: string | null;
  metAt: Date | null;
  dueOn?: Date | null;
};

/** The conditions of a credential's endorsement, each tracked to met; staff get a link to change each one. */
export function Conditions({ conditions, changeHref }: { conditions: Condition[]; changeHref?: (c: Condition) => string }) {
  if (conditions.length === 0) return <p>There are no conditions on this endorsement.</p>;
  return (
    <ol className="mb-8 list-decimal space-y-4 pl-6">
      {conditions.map((c) => (
        <li key={c.id}>
          <p className="mb-1">{c.text}</p>
          <StatusTag status={c.status} label={endorsementConditionMachine.labels[c.status]} />
          {c.status === "OPEN" && c.dueOn !== undefined ? (
            <p className="mt-1 mb-0">{c.dueOn ? `Due by ${formatDate(c.dueOn)}` : "Due before the credential is published"}</p>
          ) : null}
          {c.metNote ? (
            <p className="mt-1 mb-0 text-nhs-secondary">
              {c.metAt ? `Met ${formatDate(c.metAt)}: ` : ""}
              {c.metNote}
            </p>
          ) : null}
          {changeHref ? (
            <p className="mt-1 mb-0">
              <Link href={changeHref(c)}>
                {c.status === "OPEN" ? "Change when it is due, or mark as met" : "Reopen"}
                <span className="sr-only"> condition: {c.text}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
