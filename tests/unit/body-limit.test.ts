import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, refuseOversizedBody } from "@/lib/security/body-limit";
import { BODY_TOO_LARGE_MESSAGE } from "@/lib/errors";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/priorities/rounds/new", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body sent in chunks with no declared length, as `Transfer-Encoding: chunked`. */
const chunked = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 64 * 1024) controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - sent)));
      controller.close();
    },
  });

describe("refuseOversizedBody", () => {
  it("lets a form within the limit through", async () => {
    expect(await refuseOversizedBody(post("name=Round", { "content-length": "10" }))).toBeNull();
    expect(await refuseOversizedBody(post(chunked(BODY_LIMIT_BYTES)))).toBeNull();
  });

  it("answers a declared length over the limit with 413 and a page saying what to do", async () => {
    const res = await refuseOversizedBody(
      post("x", { "content-length": String(2 * 1024 * 1024), referer: "http://localhost/priorities/rounds/new" }),
    );
    expect(res?.status).toBe(413);
    expect(res?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res!.text();
    expect(html).toContain("<h1>What you sent is too large</h1>");
    expect(html).toContain('<a href="/priorities/rounds/new">Go back to the form</a>');
  });

  it("counts a body sent without a length", async () => {
    expect((await refuseOversizedBody(post(chunked(BODY_LIMIT_BYTES + 1))))?.status).toBe(413);
  });

  it("gives a server action sent by script the message as plain text, which the error page shows", async () => {
    const res = await refuseOversizedBody(post("x", { "content-length": String(BODY_LIMIT_BYTES + 1), "next-action": "abc" }));
    expect(res?.status).toBe(413);
    expect(res?.headers.get("content-type")).toBe("text/plain");
    expect(await res!.text()).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  it("never links back to another site", async () => {
    const res = await refuseOversizedBody(post("x", { "content-length": String(BODY_LIMIT_BYTES + 1), referer: "https://evil.example/x" }));
    expect(await res!.text()).toContain('<a href="/dashboard">Go back to the form</a>');
  });

  it("ignores requests without a body", async () => {
    expect(await refuseOversizedBody(new Request("http://localhost/", { headers: { "content-length": "99999999" } }))).toBeNull();
  });
});
