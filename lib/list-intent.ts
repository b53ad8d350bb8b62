// Editing a list inside a form (learning outcomes, EPAs) with plain submit buttons, so it works without
// JavaScript: each button sends `intent`, e.g. "add:outcomes", "move:outcomes:2:up", "remove:epas:0". The server
// applies the intent when saving; the browser, once scripts load, applies the same function to its rows instead.

export const EDITABLE_LISTS = ["outcomes", "epas"] as const;
export type EditableList = (typeof EDITABLE_LISTS)[number];

export type ListIntent = { list: EditableList; op: "add" } | { list: EditableList; op: "up" | "down" | "remove"; index: number };

export const listIntent = {
  add: (list: EditableList) => `add:${list}`,
  move: (list: EditableList, index: number, direction: "up" | "down") => `move:${list}:${index}:${direction}`,
  remove: (list: EditableList, index: number) => `remove:${list}:${index}`,
};

const isList = (v: string | undefined): v is EditableList => (EDITABLE_LISTS as readonly string[]).includes(v ?? "");

/** The intent a button sent, or null for a plain save (or anything unrecognised). */
export function parseListIntent(intent: string | null | undefined): ListIntent | null {
  const [verb, list, index, direction] = (intent ?? "").split(":");
  if (!isList(list)) return null;
  if (verb === "add") return { list, op: "add" };
  const at = Number(index);
  if (!Number.isInteger(at) || at < 0) return null;
  if (verb === "remove") return { list, op: "remove", index: at };
  if (verb === "move" && (direction === "up" || direction === "down")) return { list, op: direction, index: at };
  return null;
}

/** The list after the intent; an impossible move (first row up, last row down) leaves it as it was. */
export function applyListIntent<T>(items: readonly T[], intent: ListIntent, blank: () => T): T[] {
  const next = [...items];
  if (intent.op === "add") return [...next, blank()];
  const { index } = intent;
  if (index >= next.length) return next;
  if (intent.op === "remove") {
    next.splice(index, 1);
    return next;
  }
  const target = intent.op === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
