import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // The catalogues are compiled at build time (ICU messages to a compact form), so the browser gets
  // a formatter without the ICU parser (intl-messageformat): about 12 KB gzip off every page's
  // first load. Outside the Next build (Vitest, scripts) the same JSON is read and parsed as before.
  experimental: { messages: { path: "./messages", format: "json", locales: ["zh-CN", "en"], precompile: true } },
});

const config: NextConfig = {
  poweredByHeader: false,
  // npm test (scripts/test-all.ts) runs `tsc --noEmit` on the whole project and stops if it fails,
  // then builds with DUBAN_TYPECHECKED=1: checking the same files again would add a minute for
  // nothing. Any other build (npm run build, a deploy) still checks its types.
  typescript: { ignoreBuildErrors: process.env.DUBAN_TYPECHECKED === "1" },
  // Loaded from node_modules at run time, not bundled: WASM Postgres, a native hash, the pg driver,
  // the document writers (pdfkit reads its font metrics from its own folder at run time), the S3
  // client, and the logger and metrics, which the custom server (server.ts) loads from there too.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "pdfkit",
    "exceljs",
    "docx",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "pino",
    "prom-client",
  ],
  experimental: {
    authInterrupts: true,
    // Measured on 2 cores: a cold build spends 10-17 s writing Turbopack's cache (100 MB) and a
    // warm one saves about 4 s with it; CI always builds cold.
    turbopackFileSystemCacheForBuild: false,
    // Evidence files are up to 10 MiB; the proxy would cut larger request bodies off first.
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
