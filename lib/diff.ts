// Word-level differences between two texts, and item-level alignment of two lists, for comparing specification
// versions side by side. Pure: a longest-common-subsequence over tokens, no dependencies.

export type DiffKind = "equal" | "added" | "removed";
export type DiffPart = { kind: DiffKind; text: string };

/** Beyond this many token pairs the LCS table would be too large; the middle is shown as replaced instead. */
const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them, so joining the tokens gives the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Indices of a longest common subsequence of `a` and `b`, as pairs [i, j] in order. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..], filled from the end.
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = same(a[i], b[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

type Op<T> = { kind: DiffKind; before?: T; after?: T };

/** Every item of `a` and `b` as equal, removed (only in a) or added (only in b), removals before additions. */
function diffSequences<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): Op<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const pairs = midA.length * midB.length > MAX_CELLS ? [] : lcsPairs(midA, midB, same);
  const ops: Op<T>[] = a.slice(0, start).map((x, k) => ({ kind: "equal", before: x, after: b[k] }));
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [midA.length, midB.length] as [number, number]]) {
    for (; i < pi; i++) ops.push({ kind: "removed", before: midA[i] });
    for (; j < pj; j++) ops.push({ kind: "added", after: midB[j] });
    if (pi < midA.length) {
      ops.push({ kind: "equal", before: midA[pi], after: midB[pj] });
      i++;
      j++;
    }
  }
  a.slice(endA).forEach((x, k) => ops.push({ kind: "equal", before: x, after: b[endB + k] }));
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

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Two items are the same item reworded when at least 40% of their words are common, in order. */
function reworded(x: string, y: string): boolean {
  const a = words(x);
  const b = words(y);
  if (a.length + b.length === 0 || a.length * b.length > MAX_CELLS) return false;
  return (2 * lcsPairs(a, b, (p, q) => p === q).length) / (a.length + b.length) >= 0.4;
}

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
