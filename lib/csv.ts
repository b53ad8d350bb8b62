// CSV for the "Download CSV" links (RFC 4180): every field that needs it is quoted, quotes are doubled, and text
// that a spreadsheet would run as a formula is prefixed with an apostrophe so it stays text.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
const csvRow = (row: readonly CsvValue[]) => row.map(csvField).join(",") + "\r\n";

/** A CSV download: its header row, how many data rows it holds, and the rows, produced a batch at a time. */
export type CsvExport = {
  filename: string;
  headers: readonly string[];
  total: number;
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>;
};

/** One batch, for an export already read in one query (an aggregate table). */
export async function* oneBatch<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** Each batch of rows as CSV cells. */
export async function* mapBatches<T>(batches: AsyncIterable<T[]>, cells: (row: T) => CsvValue[]): AsyncGenerator<CsvValue[][]> {
  for await (const batch of batches) yield batch.map(cells);
}

/**
 * A download that streams: the header row at once, then each batch as the client reads it (the next query runs only
 * when the client has taken the last batch), so the server never holds the whole file. The number of data rows is
 * in `X-Total-Rows`, not in the file, so spreadsheets and CSV readers see a plain table.
 */
export function csvResponse({ filename, headers, total, batches }: CsvExport, cacheControl = "private, no-store"): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(headers)));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safe}"`,
      "Cache-Control": cacheControl,
      "X-Total-Rows": String(total),
    },
  });
}
