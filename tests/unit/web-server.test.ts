import { afterEach, describe, expect, it, vi } from "vitest";
import { mallocArenaMax, webServerHeapMb, webServerNodeOptions, workerEnv, workerNodeOptions } from "../../scripts/lib/web-server";

describe("the web server's Node options", () => {
  it("limit the production server's heap to 256 MB unless WEB_SERVER_HEAP_MB names at least 128", () => {
    expect(webServerHeapMb({})).toBe(256);
    expect(webServerHeapMb({ WEB_SERVER_HEAP_MB: "512" })).toBe(512);
    expect(webServerHeapMb({ WEB_SERVER_HEAP_MB: "64" })).toBe(256);
    expect(webServerHeapMb({ WEB_SERVER_HEAP_MB: "lots" })).toBe(256);
  });

  it("keep the caller's options and the preloads, and leave the development server's heap alone", () => {
    const env = { NODE_OPTIONS: "--enable-source-maps" };
    const production = webServerNodeOptions("/app", { env });
    expect(production).toMatch(
      /^--enable-source-maps --require "\/app\/scripts\/client-address\.cjs" --require "\/app\/scripts\/response-flush\.cjs" --max-old-space-size=256 --max-semi-space-size=16$/,
    );
    const development = webServerNodeOptions("/app", { production: false, env });
    expect(development).not.toContain("--max-old-space-size");
    expect(development).not.toContain("--max-semi-space-size");
  });

  it("limit the job worker's heap to 88 MB unless WORKER_HEAP_MB names at least 64, keeping the caller's options", () => {
    expect(workerNodeOptions({ NODE_OPTIONS: "--enable-source-maps" })).toBe(
      "--enable-source-maps --max-old-space-size=88 --max-semi-space-size=1 --v8-pool-size=1",
    );
    expect(workerNodeOptions({ WORKER_HEAP_MB: "320" })).toMatch(/^--max-old-space-size=320 /);
    expect(workerNodeOptions({ WORKER_HEAP_MB: "63" })).toMatch(/^--max-old-space-size=88 /);
  });

  it("give the job worker two malloc arenas unless the caller chose, and its options", () => {
    expect(workerEnv({ PATH: "/bin" })).toEqual({ PATH: "/bin", NODE_OPTIONS: workerNodeOptions({}), MALLOC_ARENA_MAX: "2" });
    expect(workerEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });

  it("give the web server two malloc arenas unless the caller chose", () => {
    expect(mallocArenaMax({})).toBe("2");
    expect(mallocArenaMax({ MALLOC_ARENA_MAX: "8" })).toBe("8");
  });
});

/** Read as a path (next.config.js is plain JavaScript, with no types of its own). */
const NEXT_CONFIG: string = "../../next.config.js";

describe("the web server's compression", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  const compress = async (value: string | undefined) => {
    vi.resetModules();
    vi.stubEnv("COMPRESS", value);
    return ((await import(NEXT_CONFIG)) as { default: { compress?: boolean } }).default.compress;
  };

  it("gzips what a client asks to have compressed, unless COMPRESS=0 leaves that to a reverse proxy", async () => {
    expect(await compress(undefined)).toBe(true);
    expect(await compress("1")).toBe(true);
    expect(await compress("0")).toBe(false);
  });
});
