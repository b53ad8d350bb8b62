import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";

// As `next start` loads it (--require): every http server of this process flushes compressed responses once per turn.
const require = createRequire(import.meta.url);
require("../../scripts/response-flush.cjs");
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
/** The compression middleware `next start` uses (COMPRESS unset). */
const compression = require("next/dist/compiled/compression") as () => Middleware;

type Flushable = http.ServerResponse & { flush?: () => void };
/** What Next does with each chunk of a streamed page (node_modules/next/dist/server/pipe-readable.js). */
const writeAndFlush = (res: Flushable, chunk: string) => {
  res.write(chunk);
  if ("flush" in res && typeof res.flush === "function") res.flush();
};

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((resolve) => s.close(resolve));
    }),
  );
});

async function serve(handler: (res: Flushable) => void | Promise<void>, { coalesce = true } = {}): Promise<string> {
  const server = http.createServer((req, res) => {
    // The same server without the preload's effect: its flush is compression's own again.
    if (!coalesce) delete (res as Flushable).flush;
    compression()(req, res, () => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      void handler(res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const get = (url: string) =>
  new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, { headers: { "accept-encoding": "gzip" } }, resolve).on("error", reject),
  );

async function body(url: string): Promise<Buffer> {
  const res = await get(url);
  expect(res.headers["content-encoding"]).toBe("gzip");
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>SC-${1000 + i}</td><td>Advanced practice credential ${i}</td></tr>`);

describe("a compressed response's flushes", () => {
  it("become one per turn, so a page written in many flushed chunks arrives whole and smaller", async () => {
    const page = (res: Flushable) => {
      for (const row of rows) writeAndFlush(res, row);
      res.end();
    };
    const coalesced = await body(await serve(page));
    const eachChunk = await body(await serve(page, { coalesce: false }));
    expect(gunzipSync(coalesced).toString()).toBe(rows.join(""));
    expect(gunzipSync(eachChunk).toString()).toBe(rows.join(""));
    // Forty deflate blocks, each flushed, against one.
    expect(coalesced.length).toBeLessThan(eachChunk.length / 2);
  });

  it("are harmless when the response is destroyed before its turn ends, as when a client goes away", async () => {
    let destroyed!: () => void;
    const done = new Promise<void>((resolve) => (destroyed = resolve));
    const url = await serve((res) => {
      writeAndFlush(res, rows[0]);
      res.destroy();
      // The flush this turn asked for runs after the stream is gone; the next turn sees no error.
      setImmediate(() => setImmediate(destroyed));
    });
    await get(url).catch(() => null);
    await done;
  });

  it("still send what one turn wrote before a later turn writes the rest", async () => {
    let received!: () => void;
    const clientHasFirstPart = new Promise<void>((resolve) => (received = resolve));
    const url = await serve(async (res) => {
      writeAndFlush(res, rows[0]);
      // A streamed page's later part (a Suspense boundary) is written only once the first has reached the client.
      await clientHasFirstPart;
      writeAndFlush(res, rows[1]);
      res.end();
    });
    const text: string[] = [];
    const gunzip = (await get(url)).pipe(createGunzip());
    gunzip.on("data", (chunk: Buffer) => {
      text.push(chunk.toString());
      if (text.join("") === rows[0]) received();
    });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("the first part never arrived")), 3000));
    await Promise.race([new Promise((resolve) => gunzip.on("end", resolve)), timeout]);
    expect(text.join("")).toBe(rows[0] + rows[1]);
  });
});
