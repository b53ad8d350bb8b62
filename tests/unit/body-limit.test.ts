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
    // A boundary as long as a browser's, which no field's text contains.
    const multipart = { "content-type": "multipart/form-data; boundary=----b7MA4YWxkTrZu0gW" };
    const action = { ...multipart, "next-action": "abc" };
    const text = { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" };
    const part = (name: string, value: string, head = "") =>
      `------b7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="${name}"\r\n${head}\r\n${value}\r\n`;
    const form = (...parts: string[]) => `${parts.join("")}------b7MA4YWxkTrZu0gW--\r\n`;
    const bound = (meta: string, ...more: string[]) => form(part("$ACTION_REF_1", ""), part("$ACTION_1:0", meta), ...more);
    const unreadable: [string, Request][] = [
      ["not a form", post("garbage", multipart)],
      ["empty", post("", multipart)],
      ["no boundary", post(part("a", "b"), { "content-type": "multipart/form-data" })],
      ["unterminated", post(`${part("a", "b")}------b7MA4YWxkTrZu0gW`, multipart)],
      ["a part in base64", post(form(part("0", "W10=", "Content-Transfer-Encoding: base64\r\n")), action)],
      ["an action without a body", post(null, text)],
      ["arguments not JSON", post("garbage{", text)],
      ["arguments behind a byte-order mark", post("\ufeff[]", text)],
      ["arguments not a list", post('"x"', text)],
      ["too many arguments", post(JSON.stringify(Array(1_001).fill(null)), text)],
      ["a part never sent", post('[null,"$Q1"]', text)],
      ["a path to nothing", post('[{"a":1},"$0:0:b"]', text)],
      ["a bigint that is not one", post('["$n1x"]', text)],
      ["field 0 not JSON", post(form(part("0", "garbage{")), action)],
      ["field 0 twice", post(form(part("0", "[]"), part("0", "[]")), action)],
      ["field 0 as another number", post(form(part("0", "[]"), part("0x0", '"x"')), action)],
      ["a promise never sent", post(form(part("0", '[null,"$@2"]')), action)],
      ["no field 0", post(form(part("_1_name", "Round")), action)],
      ["a bound action not JSON", post(bound("{not json"), multipart)],
      ["bound arguments never sent", post(bound('{"id":"abc","bound":"$@1"}'), multipart)],
      ["a bound action without its id", post(bound('{"bound":null}'), multipart)],
      ["a bound action with more", post(bound('{"id":"abc","bound":null,"x":"$Q9"}'), multipart)],
      [
        "bound arguments twice",
        post(bound('{"id":"abc","bound":"$@1"}', part("$ACTION_1:1", "[]"), part("$ACTION_1:1", '["$Q9"]')), multipart),
      ],
      [
        "two bound actions",
        post(bound('{"id":"a","bound":null}', part("$ACTION_REF_2", ""), part("$ACTION_2:0", '{"id":"b","bound":null}')), multipart),
      ],
    ];
    for (const [what, request] of unreadable) {
      const res = await refuseBadBody(request);
      expect(res?.status, what).toBe(400);
      expect(await res!.text()).toContain(BODY_UNREADABLE_MESSAGE);
    }
    const previous = '{"ok":false,"fieldErrors":{"a":["Enter a"],"b":"$0:0:fieldErrors:a"},"values":{"a":"$$1","b":"$undefined"}}';
    const readable: [string, Request][] = [
      ["a form posted to a page", post(form(part("name", "Round 2027")), multipart)],
      ["a form's action without script", post(form(part("name", "Round 2027"), part("$ACTION_ID_abc", "")), multipart)],
      [
        "a form's bound action without script",
        post(bound('{"id":"abc","bound":"$@1"}', part("$ACTION_1:1", "[null]"), part("$ACTION_KEY", "k1")), multipart),
      ],
      [
        "a form sent by script",
        post(
          form(
            part("0", '["$K1"]'),
            part("_1_name", "Round"),
            part('_1_file"; filename="a.txt', "A badge", "Content-Type: text/plain\r\n"),
          ),
          action,
        ),
      ],
      [
        "beside the previous result, an object in it met twice",
        post(form(part("0", `[${previous},"$K1"]`), part("_1_name", "$Q1")), action),
      ],
      ["arguments as text", post('[null,"x",-0,"$NaN","$D2026-12-04T00:00:00.000Z","$n12"]', text)],
      ["a form of a content type Next does not decode", post("garbage", { "content-type": "Multipart/Form-Data; boundary=x" })],
      ["form fields in the URL encoding", post("name=Round&x=%FF", { "content-type": "application/x-www-form-urlencoded" })],
    ];
    for (const [what, request] of readable) expect(await refuseBadBody(request), what).toBeNull();
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
