// What every role's to-do sources share (to-do.ts puts them together).

export type Urgency = "OVERDUE" | "DUE_SOON" | "LATER";
export type ToDo = { key: string; task: string; name: string; dueOn: Date | null; href: string; urgency: Urgency };

export type Task = Omit<ToDo, "urgency">;

/** One read of tasks: of each kind it asks for, that kind's few most urgent rows. */
export type Source = () => Promise<Task[]>;

export const credentialName = (c: { reference: string; title: string }) => `${c.reference} ${c.title}`;

/**
 * One task as a role's to-do statement reads it (a UNION ALL of one subquery per kind of task), whatever its kind:
 * its record, the parts of its name, and what its task's wording and link need.
 */
export type TaskRow = {
  kind: string;
  id: string;
  name: string;
  reference: string | null;
  number: number | null;
  status: string | null;
  detail: string | null;
  linkId: string | null;
  dueOn: Date | null;
};

/** A credential's name from a row whose `name` is the credential's title. */
export const credentialOf = (r: Pick<TaskRow, "reference" | "name">) => credentialName({ reference: r.reference ?? "", title: r.name });
