// Word-level differences between two texts, and item-level alignment of two lists, for comparing specification
// versions side by side. The sequence comparison is jsdiff's (Myers' algorithm, O((n+m)·d)); this module only
// decides what a token and "the same item" mean for a specification.
import { diffArrays } from "diff";

export type DiffKind = "equal" | "added" | "removed";
export type DiffPart = { kind: DiffKind; text: string };

/** Words and the whitespace between them, so joining the tokens gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

type Op<T> = { kind: DiffKind; before?: T; after?: T };

/** Every item of `a` and `b` as equal (with both sides), removed (only in a) or added (only in b), removals first. */
function diffSequences<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): Op<T>[] {
  const ops: Op<T>[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays([...a], [...b], { comparator: same })) {
    const count = change.count ?? change.value.length;
    for (let k = 0; k < count; k++) {
      if (change.added) ops.push({ kind: "added", after: b[j++] });
      else if (change.removed) ops.push({ kind: "removed", before: a[i++] });
      else ops.push({ kind: "equal", before: a[i++], after: b[j++] });
    }
  }
  return ops;
}

/** Word-level differences from `before` to `after`; adjacent parts of the same kind are merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of diffSequences(tokenize(before), tokenize(after), (x, y) => x === y)) {
    const text = (op.kind === "added" ? op.after : op.before) ?? "";
    const last = parts.at(-1);
    if (last?.kind === op.kind) last.text += text;
    else parts.push({ kind: op.kind, text });
  }
  return parts;
}

/** What each side of a side-by-side view shows: the old text with removals, the new text with additions. */
export function sidesOf(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((p) => p.kind !== "added"),
    after: parts.filter((p) => p.kind !== "removed"),
  };
}

export const isUnchanged = (parts: readonly DiffPart[]) => parts.every((p) => p.kind === "equal");

/** One row of two aligned lists: an item kept, changed (before and after), removed (before only) or added (after only). */
export type ListRow = { before: string | null; after: string | null };

/** A text's words for comparing items: lower case, without the punctuation around them ("2," is "2"). */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The share of two texts' words they have in common, in order: 0 (none) to 1 (the same words). */
export function wordSimilarity(x: string, y: string): number {
  const a = words(x);
  const b = words(y);
  if (a.length + b.length === 0) return 0;
  const common = diffSequences(a, b, (p, q) => p === q).filter((op) => op.kind === "equal").length;
  return (2 * common) / (a.length + b.length);
}

/** The least `wordSimilarity` at which two items are taken for one item reworded. */
export const REWORDED_SIMILARITY = 0.4;

/** Two items are the same item reworded when at least 40% of their words are common, in order. */
const reworded = (x: string, y: string) => wordSimilarity(x, y) >= REWORDED_SIMILARITY;

/**
 * Aligns two lists item by item: identical items pair up; between them, a removed and an added item that are
 * mostly the same words pair up as one changed item, and the rest stand alone as removed or added.
 */
export function alignLists(before: readonly string[], after: readonly string[]): ListRow[] {
  const rows: ListRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (const op of diffSequences(removed, added, reworded)) rows.push({ before: op.before ?? null, after: op.after ?? null });
    removed = [];
    added = [];
  };
  for (const op of diffSequences(before, after, (x, y) => x === y)) {
    if (op.kind === "removed") removed.push(op.before!);
    else if (op.kind === "added") added.push(op.after!);
    else {
      flush();
      rows.push({ before: op.before!, after: op.after! });
    }
  }
  flush();
  return rows;
}
