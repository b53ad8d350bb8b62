import Link from "@/components/ui/Link";
import { StatusTag, Table } from "@/components/ui";
import type { ToDo } from "@/lib/data/to-do";
import { formatDate } from "@/lib/format";

const URGENCY_LABELS = { OVERDUE: "Overdue", DUE_SOON: "Due soon" } as const;

/** The top of a dashboard: each task with its record, due date and a link straight to it, most urgent first. */
export function ToDoList({ items }: { items: ToDo[] }) {
  return (
    <section aria-labelledby="to-do-heading" className="mb-10">
      <h2 id="to-do-heading" className="mb-2 text-2xl font-bold">
        To do
      </h2>
      {items.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <Table
          caption="Your tasks, most urgent first"
          captionHidden
          columns={[
            { key: "task", header: "Task" },
            { key: "record", header: "Record" },
            { key: "due", header: "Due" },
          ]}
          rowHeader="task"
          rows={items.map((t) => ({
            task: (
              <Link href={t.href}>
                {t.task}
                <span className="sr-only">: {t.name}</span>
              </Link>
            ),
            record: t.name,
            due: (
              <>
                {t.dueOn ? formatDate(t.dueOn) : "No date"}
                {t.urgency !== "LATER" ? (
                  <>
                    {" "}
                    <StatusTag status={t.urgency} label={URGENCY_LABELS[t.urgency]} />
                  </>
                ) : null}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
