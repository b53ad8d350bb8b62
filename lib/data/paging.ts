import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/common";

// Paging for every list: the page and filters come from the URL (`?page=2`), each list runs one query for the
// rows and one count, whatever the number of rows.
//
// Offset paging (`?page=`) suits lists people page through a few screens of. The long, append-only lists
// (history, notifications, returns, plans) also offer keyset paging (`?after=<id>` / `?before=<id>`): the
// database seeks to the cursor row through an index instead of reading and discarding every earlier row.

/**
 * Rows on one page of a list, the same on every list: a screen a person reads down, which keeps each page's work
 * (and what the server renders and sends) the same whatever the size of the data.
 */
export const LIST_PAGE_SIZE = 25;

/** Past this, an offset scan would read hundreds of thousands of rows to show none: later pages answer as this one. */
export const MAX_PAGE = 1_000;

/** `?page=` as a page number: anything that is not a plain positive integer is page 1; huge ones are capped. */
export function pageNumber(value?: string | string[]): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,12}$/.test(text.trim())) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(text.trim())));
}

/**
 * `skip`/`take` for one offset page. The first page's relations are joined in the same statement (Prisma's default
 * here); a later page's are read by queries of their own: joined, PostgreSQL would build every skipped row's relations
 * too before dropping them (page 48 of the endorsed credentials: 15 ms against 5).
 */
export const pageWindow = (page: number, size: number) => ({
  skip: (page - 1) * size,
  take: size,
  relationLoadStrategy: page > 1 ? ("query" as const) : ("join" as const),
});

/**
 * The rows of one offset page, read in two steps: `ids` are the page's ids, read alone (so PostgreSQL skips the earlier
 * pages' entries in an index that holds the list's order, never visiting their rows), then `read` loads those rows in
 * full, and they come back in the ids' order. One query for whole rows fetches every skipped row from the table: at
 * page 1,000 of a national list, 25,000 rows read to show 25.
 */
export async function rowsOfPage<T extends { id: string }>(ids: { id: string }[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows = new Map((await read(ids.map((r) => r.id))).map((r) => [r.id, r]));
  return ids.flatMap(({ id }) => rows.get(id) ?? []);
}

export const pageResult = <T>(rows: T[], total: number, page: number, size: number) => ({
  rows,
  total,
  page,
  pageCount: Math.min(MAX_PAGE, Math.ceil(total / size)),
});

/** One value of a URL query, whichever shape Next gives it in. */
export const firstValue = (value?: string | string[]) => (Array.isArray(value) ? value[0] : value);

/**
 * `value` when it is one of `allowed` (an enum's values, a workflow's states), parsed by a zod enum of them; otherwise
 * undefined, so an unknown filter is ignored and the list shows its default.
 */
export function oneOf<T extends string>(allowed: readonly T[], value?: string | string[]): T | undefined {
  const parsed = z.enum(allowed).safeParse(firstValue(value));
  return parsed.success ? parsed.data : undefined;
}

// Keyset cursors are row ids: cuid-like strings, or the decimal id of an audit event.
const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

/** A row id from the URL (a cursor, or a filter such as `?plan=`), or undefined when it could not be one. */
export function rowId(value?: string | string[]): string | undefined {
  const text = firstValue(value);
  return text && CURSOR.test(text) ? text : undefined;
}

/** How many rows a table inside a record page shows before linking to the full list. */
export const RECORD_TABLE_SIZE = 5;

/** Which way to page from a cursor row: `after` shows the rows that follow it in the list's order, `before` those that precede it. */
export type Keyset = { after?: string; before?: string };

/** Query values as Next passes a page its `searchParams`. */
export type QueryParams = Record<string, string | string[] | undefined>;

/**
 * The cursor in `?after=`/`?before=` (or `?<prefix>After=`… for a second list on one page), or none when
 * absent or malformed: then the list starts at its first row.
 */
export function keysetOf(params: QueryParams, prefix = "", isId: (v: string) => boolean = (v) => CURSOR.test(v)): Keyset {
  const name = (which: string) => (prefix ? `${prefix}${which[0].toUpperCase()}${which.slice(1)}` : which);
  const after = firstValue(params[name("after")]);
  const before = firstValue(params[name("before")]);
  if (after && isId(after)) return { after };
  if (before && isId(before)) return { before };
  return {};
}

/** Audit event ids are a bigint sequence. */
export const isSequenceId = (v: string) => /^\d{1,18}$/.test(v);

/**
 * Prisma arguments for one keyset page of `size` rows: one extra row is read to learn whether another page
 * follows. Prisma's `cursor` seeks to the cursor row's position in the `orderBy`, so the order must end in a
 * unique column (the id) for pages neither to skip nor repeat rows.
 */
export function keysetWindow<Id>(
  keyset: Keyset,
  size: number,
  toId: (cursor: string) => Id,
): { cursor?: { id: Id }; skip?: number; take: number } {
  if (keyset.after) return { cursor: { id: toId(keyset.after) }, skip: 1, take: size + 1 };
  if (keyset.before) return { cursor: { id: toId(keyset.before) }, skip: 1, take: -(size + 1) };
  return { take: size + 1 };
}

export type KeysetPage<T> = {
  rows: T[];
  total: number;
  /** Cursor for the next page (`?after=`), null on the last. */
  next: string | null;
  /** Cursor for the previous page (`?before=`), null on the first. */
  previous: string | null;
};

/** Trims the extra row `keysetWindow` asked for and works out the cursors either side of this page. */
export function keysetResult<T extends { id: string | number | bigint }>(
  rows: T[],
  total: number,
  keyset: Keyset,
  size: number,
): KeysetPage<T> {
  const more = rows.length > size;
  const backwards = Boolean(keyset.before);
  const page = backwards ? (more ? rows.slice(rows.length - size) : rows) : rows.slice(0, size);
  const hasNext = backwards ? page.length > 0 : more;
  const hasPrevious = backwards ? more : Boolean(keyset.after) && page.length > 0;
  return {
    rows: page,
    total,
    next: hasNext ? String(page[page.length - 1].id) : null,
    previous: hasPrevious ? String(page[0].id) : null,
  };
}

/**
 * The most options a choice (a select, radios or checkboxes) offers at once. When more exist, the page shows a
 * search box beside it (a GET form, so it works without JavaScript) that narrows the options to what matches.
 */
export const CHOICE_LIMIT = 30;

/**
 * What a person typed to narrow a choice: trimmed, at most 100 characters; undefined when blank or when it holds a
 * control character (PostgreSQL refuses NUL in text), so the choice shows its first options.
 */
export function searchTerm(value?: string | string[]): string | undefined {
  const text = firstValue(value)?.trim().slice(0, 100);
  return text && !hasControlCharacters(text, false) ? text : undefined;
}

/**
 * `term` as LIKE matches it literally. Prisma writes a "contains" term between % wildcards as it is, and a
 * case-insensitive "equals" as ILIKE with the term as the pattern, so a % or _ typed into a search or a name would
 * otherwise match anything, and a trailing backslash would make PostgreSQL refuse the query.
 */
export const likeLiteral = (term: string) => term.replace(/[\\%_]/g, "\\$&");

/** Case-insensitive "contains" for Prisma string filters. */
export const containing = (term: string) => ({ contains: likeLiteral(term), mode: "insensitive" as const });

/** At most CHOICE_LIMIT options, how many match in all (counted in SQL), and the search that narrowed them. */
export type Choice<T> = { options: T[]; total: number; search?: string };
