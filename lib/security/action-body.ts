// What Next hands to React to decode before any of our code runs: a server action's arguments, and a form's bound
// action when it is posted without JavaScript. React fails on a malformed one with an error, which Next answers with
// a 500; these checks let the proxy answer 400 instead. They accept what React's own client writes for our actions,
// which all take a form: the arguments as a JSON array (`[prevState, "$K1"]`, the form's fields beside it as
// `_1_name`), and a bound action as `$ACTION_REF_1`, `$ACTION_1:0` = `{"id":…,"bound":"$@1"}`, `$ACTION_1:1` = `[…]`.

/** Text escaped with a second `$`, and values React writes in place (undefined, NaN, ±Infinity, -0, dates, bigints). */
const IN_PLACE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,300}$)/;
/** A form sent as an argument: its fields are those named `_<n>_…` beside the arguments. */
const FORM_REFERENCE = /^\$K[0-9a-f]{1,6}$/;
/** The most arguments Next, and bound arguments React, take. */
const MAX_ARGUMENTS = 1_000;
const MAX_DEPTH = 64;

/** The parts of a reply React can point into, by id. */
type Parts = Map<number, unknown>;

/** Whether `reference` (`$0:rows:1`, written for an object met a second time) names an object inside a part sent. */
function pointsIntoParts(reference: string, parts: Parts): boolean {
  const match = /^\$([0-9a-f]{1,6}):(.+)$/.exec(reference);
  if (!match) return false;
  let value = parts.get(Number.parseInt(match[1], 16));
  for (const key of match[2].split(":")) {
    if (!value || typeof value !== "object" || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return Boolean(value) && typeof value === "object";
}

/** Whether `value` holds only plain JSON, values written in place, forms sent beside it, and objects met before. */
function plain(value: unknown, parts: Parts, forms: boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string")
    return !value.startsWith("$") || IN_PLACE.test(value) || (forms && FORM_REFERENCE.test(value)) || pointsIntoParts(value, parts);
  if (Array.isArray(value)) return value.every((v) => plain(v, parts, forms, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((v) => plain(v, parts, forms, depth + 1));
  return true;
}

/** A list of arguments in part `id` of a reply: JSON, a list no longer than React takes, of plain values. */
function argumentList(text: string, id: number, forms: boolean): boolean {
  const args: unknown = JSON.parse(text);
  return Array.isArray(args) && args.length <= MAX_ARGUMENTS && plain(args, new Map([[id, args]]), forms);
}

/** A server action's arguments sent as text (as Next reads it: UTF-8, a byte-order mark kept). */
export const readableActionText = (text: string) => argumentList(text, 0, true);

/** Each field named once, as text; undefined when absent, repeated or a file. */
function single(form: FormData, name: string): string | undefined {
  const values = form.getAll(name);
  return values.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
}

/**
 * A form's fields that React decodes. For a server action called by script: the arguments in field `0`, sent once,
 * beside the fields of the form they carry (`_1_name`), and nothing else. For a form posted without JavaScript: at
 * most one bound action, named by `$ACTION_REF_<p>`, its `{"id","bound"}` in `$ACTION_<p>:0` and its arguments where
 * `bound` points, each field sent once.
 */
export function readableActionForm(form: FormData, action: boolean): boolean {
  if (action) {
    const root = single(form, "0");
    if (root === undefined || [...form.keys()].some((name) => name !== "0" && !/^_\d{1,6}_/.test(name))) return false;
    return argumentList(root, 0, true);
  }
  const names = [...form.keys()];
  // A form posts one bound action: React decodes only the last named, so more than one is not a form of ours.
  const refs = names.filter((name) => name.startsWith("$ACTION_REF_"));
  if (refs.length > 1) return false;
  for (const name of refs) {
    const prefix = `$ACTION_${name.slice("$ACTION_REF_".length)}:`;
    const parts = names.filter((key) => key.startsWith(prefix));
    if (new Set(parts).size !== parts.length) return false;
    const meta = single(form, `${prefix}0`);
    if (meta === undefined) return false;
    const bound: unknown = JSON.parse(meta);
    if (!bound || typeof bound !== "object" || Array.isArray(bound)) return false;
    const { id, bound: args, ...rest } = bound as Record<string, unknown>;
    if (typeof id !== "string" || Object.keys(rest).length > 0) return false;
    if (args === null) continue;
    const part = typeof args === "string" ? /^\$@([0-9a-f]{1,6})$/.exec(args) : null;
    const argsId = part ? Number.parseInt(part[1], 16) : undefined;
    const text = argsId === undefined ? undefined : single(form, `${prefix}${argsId}`);
    if (text === undefined || !argumentList(text, argsId!, false)) return false;
  }
  return true;
}
