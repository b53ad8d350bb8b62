"use client";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useFormResult } from "@/components/forms/ActionForm";
import { Button } from "@/components/ui/Button";
import { VisuallyHidden } from "@/components/ui/VisuallyHidden";
import { formToInput } from "@/lib/form";
import { applyListIntent, listIntent, parseListIntent, type EditableList } from "@/lib/list-intent";
import type { ActionResult } from "@/lib/result";

// An editable, reorderable list inside an ActionForm (learning outcomes, EPAs). Its buttons are submit buttons
// carrying an `intent` (lib/list-intent.ts) that the save command applies, so it works without JavaScript; once
// scripts run they change the rows in the browser instead. Fields are uncontrolled: each row keeps what was typed
// in it while rows move. After a save the rows are rebuilt — from what was submitted when it failed (nothing
// typed is lost), from the saved version when it succeeded.

type Row<T> = { key: string; value: T };
type State<T> = { result: ActionResult | null; revision: number; seq: number; rows: Row<T>[] };

const noSubscription = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

function keyed<T>(values: readonly T[], seq: number): Pick<State<T>, "seq" | "rows"> {
  return { seq: seq + values.length, rows: values.map((value, i) => ({ key: `r${seq + i}`, value })) };
}

type Props<T> = {
  list: EditableList;
  /** "outcome", "EPA": used in button text and announcements. */
  noun: string;
  initial: readonly T[];
  /** Changes whenever the saved version changes (its optimistic-lock version). */
  revision: number;
  /** Reads one row back from submitted form values (see lib/form.ts for the shape). */
  fromInput: (row: Record<string, unknown>) => T;
  blank: () => T;
  renderRow: (value: T, index: number) => ReactNode;
};

export function RepeatableList<T>({ list, noun, initial, revision, fromInput, blank, renderRow }: Props<T>) {
  const result = useFormResult();
  const hydrated = useHydrated();
  const [state, setState] = useState<State<T>>(() => ({ result, revision, ...keyed(initial, 0) }));
  const [announcement, setAnnouncement] = useState("");
  const focusAfter = useRef<string | null>(null);

  let current = state;
  if (state.result !== result || state.revision !== revision) {
    const submitted = result && !result.ok && result.values ? formToInput(result.values)[list] : undefined;
    const values = Array.isArray(submitted) ? submitted.map((r) => fromInput((r ?? {}) as Record<string, unknown>)) : initial;
    current = { result, revision, ...keyed(values, state.seq) };
    setState(current);
  }

  useEffect(() => {
    if (!focusAfter.current) return;
    const target = document.getElementById(focusAfter.current);
    (target?.querySelector<HTMLElement>("textarea, input") ?? target)?.focus();
    focusAfter.current = null;
  });

  function act(intent: string, index: number) {
    const parsed = parseListIntent(intent);
    if (!parsed) return;
    const added = { key: `r${current.seq}`, value: blank() };
    const rows = applyListIntent(current.rows, parsed, () => added);
    setState({ ...current, seq: current.seq + 1, rows });
    const moved = current.rows[index];
    if (parsed.op === "add") {
      focusAfter.current = `${list}-${added.key}-first`;
      setAnnouncement(`Added ${noun} ${rows.length}.`);
    } else if (parsed.op === "remove") {
      focusAfter.current = `${list}-add`;
      setAnnouncement(`Removed ${noun} ${index + 1}.`);
    } else {
      const to = rows.indexOf(moved);
      focusAfter.current = `${list}-${moved.key}-${to === 0 || to === rows.length - 1 ? "first" : parsed.op}`;
      setAnnouncement(`Moved ${noun} ${index + 1} to position ${to + 1}.`);
    }
  }

  const button = (intent: string, index: number, label: string, id: string) => (
    <Button
      key={intent}
      id={id}
      variant="secondary"
      name="intent"
      value={intent}
      type={hydrated ? "button" : "submit"}
      onClick={hydrated ? () => act(intent, index) : undefined}
    >
      {label}
      <VisuallyHidden>
        {" "}
        {noun} {index + 1}
      </VisuallyHidden>
    </Button>
  );

  const rows = current.rows;
  return (
    <>
      <ol className="mb-6 space-y-6">
        {rows.map((row, i) => (
          <li key={row.key} className="border-l-4 border-nhs-grey-4 pl-4">
            {/* The row's first field takes focus after it is added, or moved to an end where its button goes. */}
            <div id={`${list}-${row.key}-first`}>{renderRow(row.value, i)}</div>
            <div className="flex flex-wrap gap-3">
              {i > 0 ? button(listIntent.move(list, i, "up"), i, "Move up", `${list}-${row.key}-up`) : null}
              {i < rows.length - 1 ? button(listIntent.move(list, i, "down"), i, "Move down", `${list}-${row.key}-down`) : null}
              {button(listIntent.remove(list, i), i, "Remove", `${list}-${row.key}-remove`)}
            </div>
          </li>
        ))}
      </ol>
      <Button
        id={`${list}-add`}
        variant="secondary"
        name="intent"
        value={listIntent.add(list)}
        type={hydrated ? "button" : "submit"}
        onClick={hydrated ? () => act(listIntent.add(list), rows.length) : undefined}
        className="mb-8"
      >
        Add another {noun}
      </Button>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
