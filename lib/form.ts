import type { FormValues } from "@/lib/result";

/** Flat copy of a FormData: repeated names become arrays; files and Next's internal fields are dropped. */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

type Nested = { [key: string]: Nested | Nested[] | string | string[] | undefined };

/**
 * Builds nested input from dotted names, so one form can carry lists:
 * `outcomes.0.text`, `outcomes.0.pillars` (repeated) → { outcomes: [{ text, pillars: [...] }] }.
 * Names ending in `[]` are always arrays (a checkbox list with one tick is still a list).
 */
export function formToInput(form: FormData | FormValues): Record<string, unknown> {
  const values = form instanceof FormData ? formValues(form) : form;
  const root: Nested = {};
  for (const [rawKey, value] of Object.entries(values)) {
    const forceArray = rawKey.endsWith("[]");
    const key = forceArray ? rawKey.slice(0, -2) : rawKey;
    const parts = key.split(".");
    let node: Nested | Nested[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const container = node as Record<string, unknown>;
      if (last) {
        container[part] = forceArray ? (Array.isArray(value) ? value : [value]) : value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1]);
      container[part] ??= nextIsIndex ? [] : {};
      node = container[part] as Nested | Nested[];
    });
  }
  return compactArrays(root) as Record<string, unknown>;
}

/** Sparse arrays (a row removed in the browser) become dense, keeping the order. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
