// What Next hands to React to decode before any of our code runs: a server action's arguments, and a form's bound
// action when it is posted without JavaScript. React fails on a malformed one with an error, which Next answers with
// a 500; these checks let the proxy answer 400 instead. They accept what React's own client writes for our actions,
// which all take a form: the arguments as a JSON array (`[prevState, "$K1"]`, the form's fields beside it as
// `1_name`), and a bound action as `$ACTION_REF_1`, `$ACTION_1:0` = `{"id":…,"bound":"$@1"}`, `$ACTION_1:1` = `[…]`.

/** Text escaped with a second `$`, and values React writes in place (undefined, NaN, ±Infinity, -0, dates, bigints). */
const IN_PLACE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d)/;
/** A form sent as an argument: its fields are those named `<n>_…` beside the arguments. */
const FORM_REFERENCE = /^\$K[0-9a-f]{1,6}$/;
const MAX_DEPTH = 64;

/** Whether `value` holds only plain JSON, text written in place, and references `allowed` accepts. */
function plain(value: unknown, allowed: (reference: string) => boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") return !value.startsWith("$") || IN_PLACE.test(value) || allowed(value);
  if (Array.isArray(value)) return value.every((v) => plain(v, allowed, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((v) => plain(v, allowed, depth + 1));
  return true;
}

const parse = (text: string): unknown => JSON.parse(text);
const isFormReference = (reference: string) => FORM_REFERENCE.test(reference);

/** A server action's arguments sent as text: a JSON array. */
export function readableActionText(text: string): boolean {
  const args = parse(text);
  return Array.isArray(args) && plain(args, isFormReference);
}

/**
 * A form's fields that React decodes: for a server action called by script, its arguments (field `0`, an array) and
 * any other part named by a number; for a form posted without JavaScript, its bound action.
 */
export function readableActionForm(form: FormData, action: boolean): boolean {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  if (action) {
    const root = text("0");
    if (root === undefined) return false;
    const args = parse(root);
    if (!Array.isArray(args) || !plain(args, isFormReference)) return false;
    for (const [name, value] of form)
      if (/^\d+$/.test(name) && (typeof value !== "string" || !plain(parse(value), isFormReference))) return false;
    return true;
  }
  for (const name of form.keys()) {
    const ref = /^\$ACTION_REF_(.*)$/.exec(name);
    if (!ref) continue;
    const prefix = `$ACTION_${ref[1]}:`;
    const meta = text(`${prefix}0`);
    if (meta === undefined) return false;
    const bound = parse(meta) as { id?: unknown; bound?: unknown };
    if (!bound || typeof bound !== "object" || typeof bound.id !== "string") return false;
    if (bound.bound === null || bound.bound === undefined) continue;
    const part = typeof bound.bound === "string" ? /^\$@([0-9a-f]{1,6})$/.exec(bound.bound) : null;
    const args = part ? text(`${prefix}${Number.parseInt(part[1], 16)}`) : undefined;
    if (args === undefined) return false;
    const values = parse(args);
    if (!Array.isArray(values) || !plain(values, () => false)) return false;
  }
  return true;
}
