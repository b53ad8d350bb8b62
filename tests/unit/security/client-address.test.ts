import { once } from "node:events";
import { createServer, request } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { lastForwardedAddress } from "@/lib/security/client-address";

describe("the client address", () => {
  it("is the last x-forwarded-for entry, the one the nearest hop added", () => {
    expect(lastForwardedAddress("203.0.113.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(lastForwardedAddress("::1")).toBe("::1");
    expect(lastForwardedAddress(null)).toBe("unknown");
    expect(lastForwardedAddress("")).toBe("unknown");
  });

  it("cannot be chosen by the client: the preload replaces x-forwarded-for with the socket's address", async () => {
    delete process.env.TRUST_PROXY;
    createRequire(import.meta.url)("../../../scripts/client-address.cjs");
    const server = createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const seen = await new Promise<string>((resolve, reject) => {
        const req = request(
          { port: (server.address() as AddressInfo).port, host: "127.0.0.1", headers: { "x-forwarded-for": "203.0.113.9" } },
          (res) => {
            let body = "";
            res.on("data", (c) => (body += c)).on("end", () => resolve(body));
          },
        );
        req.on("error", reject).end();
      });
      expect(seen).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
