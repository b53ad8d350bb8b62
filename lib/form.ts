import { AppError } from "@/lib/errors";
import type { FormValues } from "@/lib/result";

/**
 * Limits on what a form may carry. A server action is a public endpoint, so the names are
 * attacker-chosen: they are checked before anything is built, which keeps `__proto__` and
 * `constructor.prototype` out of every object and `rows.300000000.x` from allocating.
 */
export const FORM_LIMITS = { fields: 2_000, keyLength: 200, index: 1_000 } as const;

/** The hidden field every ActionForm sends: one random token per rendered form (see lib/data/submissions.ts). */
export const FORM_TOKEN_FIELD = "formToken";
/** A fresh random form token, made in the browser for a submission that must count as a new change. */
export const newFormToken = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The form a server action was called with. An action is a public endpoint that a script can call with any arguments
 * (JSON in place of a form, or none), so anything but a FormData counts as an empty form: every field is missing, and
 * the action answers as it does to an empty form.
 */
export const asForm = (value: unknown): FormData => (value instanceof FormData ? value : new FormData());

/** A field's text: "" when the field is absent, a file, or the form is not a form. */
export function fieldText(form: unknown, name: string): string {
  const value = asForm(form).get(name);
  return typeof value === "string" ? value : "";
}

/** The form's submission token, when it sent a well-formed one. */
export function formToken(form: FormData): string | undefined {
  const token = form.get(FORM_TOKEN_FIELD);
  return typeof token === "string" && TOKEN.test(token) ? token : undefined;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const INDEX = /^(0|[1-9][0-9]{0,3})$/;
// Harmless in prototype-less records, but dropped anyway in case a later step copies them into plain objects.
const RESERVED = new Set(["constructor", "prototype"]);

type Segment = { name: string } | { index: number };

/** The segments of a field name, or null when any of them is not a plain name or a small index. */
function parseKey(rawKey: string): { segments: Segment[]; forceArray: boolean } | null {
  if (rawKey.length === 0 || rawKey.length > FORM_LIMITS.keyLength) return null;
  const forceArray = rawKey.endsWith("[]");
  const parts = (forceArray ? rawKey.slice(0, -2) : rawKey).split(".");
  const segments: Segment[] = [];
  for (const [i, part] of parts.entries()) {
    if (NAME.test(part) && !RESERVED.has(part)) segments.push({ name: part });
    else if (i > 0 && INDEX.test(part) && Number(part) < FORM_LIMITS.index) segments.push({ index: Number(part) });
    else return null;
  }
  return { segments, forceArray };
}

/** Fields the app sends that are not part of a command's input: Next's action ids and the submission token. */
const isInternal = (key: string) => key.startsWith("$ACTION") || key === FORM_TOKEN_FIELD;

/**
 * Flat copy of a FormData: repeated names become arrays; files, Next's internal fields and
 * names the parser would refuse are dropped; at most `FORM_LIMITS.fields` entries are read.
 * Used to give a form back what the user typed, so it never throws.
 */
export function formValues(form: FormData): FormValues {
  const values = new Map<string, string | string[]>();
  let read = 0;
  for (const [key, value] of form.entries()) {
    if (++read > FORM_LIMITS.fields) break;
    if (typeof value !== "string" || isInternal(key) || !parseKey(key)) continue;
    const prev = values.get(key);
    values.set(key, prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]);
  }
  // fromEntries defines own properties, so even an odd name cannot reach a prototype.
  return Object.fromEntries(values);
}

const tooManyFields = () =>
  new AppError(
    "INVALID_INPUT",
    `This form has more than ${FORM_LIMITS.fields.toLocaleString("en-GB")} fields, so it was not saved. Reload the page and try again.`,
  );

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;
const dict = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

/**
 * Builds nested input from dotted names, so one form can carry lists:
 * `outcomes.0.text`, `outcomes.0.pillars` (repeated) → { outcomes: [{ text, pillars: [...] }] }.
 * Names ending in `[]` are always arrays (a checkbox list with one tick is still a list).
 * Objects have no prototype; a name that does not fit what earlier names built (a list used as
 * a record, a value used as a list) is dropped. A form with too many fields is refused with an
 * INVALID_INPUT AppError, which `runAction` shows as a form error.
 */
export function formToInput(form: FormData | FormValues): Record<string, unknown> {
  if (form instanceof FormData) {
    let count = 0;
    for (const _ of form.keys()) if (++count > FORM_LIMITS.fields) throw tooManyFields();
  } else if (Object.keys(form).length > FORM_LIMITS.fields) {
    throw tooManyFields();
  }
  const values = form instanceof FormData ? formValues(form) : form;
  const root = dict();
  for (const rawKey of Object.keys(values)) {
    if (isInternal(rawKey)) continue;
    const key = parseKey(rawKey);
    if (key) place(root, key.segments, key.forceArray ? [values[rawKey]].flat() : values[rawKey]);
  }
  return compactArrays(root) as Record<string, unknown>;
}

function place(root: Record<string, unknown>, segments: Segment[], value: unknown) {
  let node: Container = root;
  for (const [i, segment] of segments.entries()) {
    const slot = slotIn(node, segment);
    if (slot === null) return;
    const last = i === segments.length - 1;
    const existing: unknown = (node as Record<string | number, unknown>)[slot];
    if (last) {
      if (existing === undefined) (node as Record<string | number, unknown>)[slot] = value;
      return;
    }
    if (existing === undefined) {
      const child: Container = "index" in segments[i + 1] ? [] : dict();
      (node as Record<string | number, unknown>)[slot] = child;
      node = child;
    } else if (isContainer(existing)) {
      node = existing;
    } else {
      return;
    }
  }
}

/** Where a segment goes in a container: names in records, indexes in lists; otherwise nowhere. */
function slotIn(node: Container, segment: Segment): string | number | null {
  if (Array.isArray(node)) return "index" in segment ? segment.index : null;
  return "name" in segment ? segment.name : null;
}

/** Sparse arrays (a row removed in the browser) become dense, keeping the order. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (isContainer(value)) {
    const out = dict();
    for (const key of Object.keys(value)) out[key] = compactArrays(value[key as keyof typeof value]);
    return out;
  }
  return value;
}
