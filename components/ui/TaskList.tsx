import Link from "@/components/ui/Link";
import { useId, type ReactNode } from "react";
import { StatusTag } from "./StatusTag";

export type TaskListItem = {
  name: string;
  /** Without a link the task cannot be started yet (e.g. "Cannot start yet"). */
  href?: string;
  hint?: ReactNode;
  status: string;
  statusLabel?: string;
};

/** NHS task list: the sections of a long piece of work and the state of each. */
export function TaskList({ items }: { items: TaskListItem[] }) {
  const prefix = useId();
  return (
    <ul className="mb-8 border-t border-nhs-grey-4">
      {items.map((item, i) => {
        const statusId = `${prefix}-${i}-status`;
        const hintId = item.hint ? `${prefix}-${i}-hint` : undefined;
        return (
          <li
            key={item.name}
            className={`relative flex flex-wrap items-center justify-between gap-2 border-b border-nhs-grey-4 py-3 ${
              item.href ? "hover:bg-white" : ""
            }`}
          >
            <div>
              {item.href ? (
                <Link
                  href={item.href}
                  aria-describedby={[hintId, statusId].filter(Boolean).join(" ")}
                  className="after:absolute after:inset-0"
                >
                  {item.name}
                </Link>
              ) : (
                <span>{item.name}</span>
              )}
              {item.hint ? (
                <div id={hintId} className="text-nhs-secondary">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div id={statusId}>
              <StatusTag status={item.status} label={item.statusLabel} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
