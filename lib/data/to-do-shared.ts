// What every role's to-do sources share (to-do.ts puts them together).

export type Urgency = "OVERDUE" | "DUE_SOON" | "LATER";
export type ToDo = { key: string; task: string; name: string; dueOn: Date | null; href: string; urgency: Urgency };

/** One kind of task: its few most urgent rows, in one query. */
export type Source = () => Promise<Omit<ToDo, "urgency">[]>;

export const newest = [{ updatedAt: "desc" as const }, { id: "asc" as const }];

export const credentialName = (c: { reference: string; title: string }) => `${c.reference} ${c.title}`;
