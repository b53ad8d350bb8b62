import { Button } from "./Button";
import { TextInput } from "./Field";

export type ChoiceSearchProps = {
  /** The page the search reloads (GET), with the other query values it must keep. */
  action: string;
  keep?: Record<string, string | undefined>;
  /** Query parameter holding the search. */
  param: string;
  /** The visible label, e.g. "Find the credential by reference or title". */
  label: string;
  search?: string;
  /** Options offered now, and how many match in all. */
  shown: number;
  total: number;
  /** Plural noun for the status line: "credentials". */
  noun: string;
};

/**
 * The search step of a bounded choice: when more options exist than a choice offers, a GET form narrows them
 * (works without JavaScript), with a line saying how many are offered. Renders nothing when everything fits.
 */
export function ChoiceSearch({ action, keep = {}, param, label, search, shown, total, noun }: ChoiceSearchProps) {
  if (total <= shown && !search) return null;
  const status = search
    ? total === 0
      ? `No ${noun} match “${search}”.`
      : `${total} ${noun} match “${search}”${total > shown ? `; showing the first ${shown}. Search again to narrow them` : ""}.`
    : `There are ${total} ${noun}; showing the first ${shown}. Search to find the one you need.`;
  return (
    <form method="get" action={action} role="search" aria-label={label} className="mb-6 flex flex-wrap items-end gap-4">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <TextInput name={param} label={label} defaultValue={search} className="md:w-96" />
      <Button variant="secondary">Search</Button>
      <p role="status" className="w-full text-nhs-secondary">
        {status}
      </p>
    </form>
  );
}
