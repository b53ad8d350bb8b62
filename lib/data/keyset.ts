import { z } from "zod";

// Keyset ("seek") paging: a page starts after (or ends before) the last row seen, named by its sort key and id,
// so reading page 500 costs what reading page 1 does — an index seek and `take` rows — however many rows precede it.

/** Where a page starts or ends: the sort key of a row (null for a missing date) and its id, the tie-breaker. */
export type Cursor = { key: string | null; id: string };

const cursorShape = z.tuple([z.string().max(500).nullable(), z.string().min(1).max(100)]);

/** A URL-safe token for a cursor. */
export function encodeCursor({ key, id }: Cursor): string {
  return Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");
}

/** The cursor a token names, or undefined for anything else (a hand-edited or stale URL reads the first page). */
export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (!token || token.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    if (!parsed.success || [parsed.data[0], parsed.data[1]].some((v) => v?.includes("\0"))) return undefined;
    return { key: parsed.data[0], id: parsed.data[1] };
  } catch {
    return undefined;
  }
}

/**
 * Every row of a large read, `size` at a time: each batch is one query that starts after the last row of the one
 * before, so only one batch is ever held in memory and no query skips over rows already read.
 */
export async function* keysetBatches<T>(readAfter: (last: T | undefined, size: number) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const rows = await readAfter(last, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}
