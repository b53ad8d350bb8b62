import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, BODY_UNREADABLE_MESSAGE, refuseBadBody, refuseMalformedPath } from "@/lib/security/body-limit";
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

describe("refuseBadBody", () => {
  it("lets a form within the limit through", async () => {
    expect(await refuseBadBody(post("name=Round", { "content-length": "10" }))).toBeNull();
    expect(await refuseBadBody(post(chunked(BODY_LIMIT_BYTES)))).toBeNull();
  });

  it("answers a declared length over the limit with 413 and a page saying what to do", async () => {
    const res = await refuseBadBody(
      post("x", { "content-length": String(2 * 1024 * 1024), referer: "http://localhost/priorities/rounds/new" }),
    );
    expect(res?.status).toBe(413);
    expect(res?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res!.text();
    expect(html).toContain("<h1>What you sent is too large</h1>");
    expect(html).toContain('<a href="/priorities/rounds/new">Go back to the form</a>');
  });

  it("counts a body sent without a length", async () => {
    expect((await refuseBadBody(post(chunked(BODY_LIMIT_BYTES + 1))))?.status).toBe(413);
  });

  it("gives a server action sent by script the message as plain text, which the error page shows", async () => {
    const res = await refuseBadBody(post("x", { "content-length": String(BODY_LIMIT_BYTES + 1), "next-action": "abc" }));
    expect(res?.status).toBe(413);
    expect(res?.headers.get("content-type")).toBe("text/plain");
    expect(await res!.text()).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  it("never links back to another site", async () => {
    const res = await refuseBadBody(post("x", { "content-length": String(BODY_LIMIT_BYTES + 1), referer: "https://evil.example/x" }));
    expect(await res!.text()).toContain('<a href="/dashboard">Go back to the form</a>');
  });

  it("answers a body sent without a length that never ends at the limit, without waiting for the rest", async () => {
    // A client streaming for ever: Next's own reading of the other copy never starts, so nothing else ends it.
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)) });
    const timeout = new Promise((resolve) => setTimeout(() => resolve("no answer"), 5_000));
    const answer = await Promise.race([refuseBadBody(post(endless)), timeout]);
    expect((answer as Response).status).toBe(413);
  });

  it("answers a form or a server action's body that cannot be read with 400, where Next would fail with a 500", async () => {
    const multipart = (boundary = "x") => ({ "content-type": `multipart/form-data; boundary=${boundary}` });
    const part = (name: string, value: string) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const unreadable = [
      post("garbage", multipart()),
      post("", multipart()),
      post(part("a", "b"), { "content-type": "multipart/form-data" }),
      post(`${part("a", "b")}--x`, multipart()),
      post(null, { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
      post("garbage{", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
      post(`${part("0", "garbage{")}--x--\r\n`, { ...multipart(), "next-action": "abc" }),
      post(`${part("$ACTION_REF_1", "")}${part("$ACTION_1:0", "{not json")}--x--\r\n`, multipart()),
      // Shapes React would fail on: arguments that are not a list, a reference to a part never sent, no arguments at all.
      post('"x"', { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
      post('[null,"$Q1"]', { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
      post(`${part("0", '[null,"$@2"]')}--x--\r\n`, { ...multipart(), "next-action": "abc" }),
      post(`${part("1_name", "Round")}--x--\r\n`, { ...multipart(), "next-action": "abc" }),
      post(`${part("$ACTION_REF_1", "")}${part("$ACTION_1:0", '{"id":"abc","bound":"$@1"}')}--x--\r\n`, multipart()),
      post(`${part("$ACTION_REF_1", "")}${part("$ACTION_1:0", '{"bound":null}')}--x--\r\n`, multipart()),
    ];
    for (const request of unreadable) {
      const res = await refuseBadBody(request);
      expect(res?.status).toBe(400);
      expect(await res!.text()).toContain(BODY_UNREADABLE_MESSAGE);
    }
    const readable = [
      post(`${part("name", "Round 2027")}${part("$ACTION_ID_abc", "")}--x--\r\n`, multipart()),
      post(`${part("0", '["$K1"]')}${part("1_name", "Round")}--x--\r\n`, { ...multipart(), "next-action": "abc" }),
      post('[null,"x"]', { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }),
      // As React's client writes them: the previous result beside the form, and a form's bound action without script.
      post(`${part("0", '[{"ok":false,"values":{"a":"$$1","b":"$undefined"}},"$K1"]')}${part("1_name", "$Q1")}--x--\r\n`, {
        ...multipart(),
        "next-action": "abc",
      }),
      post(
        `${part("$ACTION_REF_1", "")}${part("$ACTION_1:0", '{"id":"abc","bound":"$@1"}')}${part("$ACTION_1:1", "[null]")}${part("$ACTION_KEY", "k1")}${part("email", "a@b.c")}--x--\r\n`,
        multipart(),
      ),
      post("name=Round&x=%FF", { "content-type": "application/x-www-form-urlencoded" }),
    ];
    for (const request of readable) expect(await refuseBadBody(request)).toBeNull();
  });

  it("ignores requests without a body", async () => {
    expect(await refuseBadBody(new Request("http://localhost/", { headers: { "content-length": "99999999" } }))).toBeNull();
  });
});

describe("refuseMalformedPath", () => {
  it("answers a path whose percent-escapes do not decode with a 404 page, and lets every other path through", async () => {
    for (const path of ["/catalogue/%FF", "/badges/%ED%A0%80/jwt", "/credentials/%E0%A4%A"]) {
      const res = refuseMalformedPath(path);
      expect(res?.status, path).toBe(404);
      expect(await res!.text()).toContain("<h1>Page not found</h1>");
    }
    for (const path of ["/", "/catalogue/APC-0001", "/catalogue/%C3%89cole", "/directory"]) expect(refuseMalformedPath(path)).toBeNull();
  });
});
