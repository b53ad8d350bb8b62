// After a change, the action redirects to the record's page with `?done=<key>` (see `toRecord` in lib/actions.ts) and
// the page shows a success banner for that key. A transition's banner comes from its machine, so its wording matches
// the buttons and the history; a page adds what happens next.

/** What a success banner says: what was done, and what happens next. */
export type Banner = { heading: string; body?: string };

type AnyMachine = { noun: string; transitions: readonly { name: string; participle: string }[] };

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The first value of a search param; a repeated or absent one is no key. */
const key = (raw: unknown) => (typeof raw === "string" ? raw : undefined);

/**
 * "Annual return accepted" (and what happens next) for `?done=accept` on an annual return's page; undefined for a
 * missing or unknown key, looked up as an own key so `__proto__` finds nothing.
 */
export function transitionBanner(
  machine: AnyMachine,
  raw: unknown,
  next: Readonly<Partial<Record<string, string>>> = {},
): Banner | undefined {
  const done = key(raw);
  const transition = machine.transitions.find((t) => t.name === done);
  if (!done || !transition) return undefined;
  return { heading: `${capitalised(machine.noun)} ${transition.participle}`, body: Object.hasOwn(next, done) ? next[done] : undefined };
}

/** A banner from a page's own list, for changes that are not one machine's transition (`?done=created`). */
export function bannerFor(banners: Readonly<Record<string, Banner | string>>, raw: unknown): Banner | undefined {
  const done = key(raw);
  if (!done || !Object.hasOwn(banners, done)) return undefined;
  const banner = banners[done];
  return typeof banner === "string" ? { heading: banner } : banner;
}
