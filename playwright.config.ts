// Browser tests: every spec against a server on PostgreSQL with an S3-compatible object store, and the
// smoke set (tests tagged @embedded) against a server on the embedded database with a files folder,
// which proves that path end to end (docs/testing.md). A second PostgreSQL instance shares that
// database and store, for the multi-instance tests (their own project). scripts/test-e2e.ts creates and
// drops the PostgreSQL database, runs the store and sets E2E_*. All serve the same build through
// `npm start`'s server.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { notifyEnv } from "./e2e/notify-config";

const token = process.env.E2E_TOKEN ?? "e2e-token-for-local-runs-only";
const today = "2018-04-10";
const password = process.env.E2E_DEMO_PASSWORD ?? "demo-pass-e2e-1";
// E2E_PORT_BASE lets several checkouts run their browser tests side by side on one machine.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3200);
const embeddedPort = portBase + 1;
const postgresPort = portBase + 2;
const secondPort = portBase + 3;
const metricsToken = "e2e-metrics-token-0123456789";

const common = {
  ...process.env,
  DUBAN_TODAY: today,
  DUBAN_DEMO_PASSWORD: password,
  DUBAN_E2E_TOKEN: token,
  // A JSON line per request would bury the test report; warnings and errors still show.
  DUBAN_LOG_LEVEL: process.env.DUBAN_LOG_LEVEL ?? "warn",
  // The tests stand in for a reverse proxy on this machine: a request that says X-Forwarded-For
  // comes from that address (the sign-in limits test attacks from "elsewhere" this way).
  DUBAN_TRUSTED_PROXIES: "loopback",
} as Record<string, string>;

// Debian's chromium-headless-shell is the browser Playwright itself uses headless: without the
// full browser's window and WebUI renderers, the browser tests took a third less time (docs/testing.md).
// Chromium itself serves where it is missing.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

/** PostgreSQL with the object store: what several production instances share. */
const shared = (port: number) => ({
  ...common,
  DATABASE_URL: process.env.E2E_PG_URL ?? "",
  DUBAN_SEED_DEMO: "1",
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
  NEXTAUTH_URL: `http://localhost:${port}`,
  DUBAN_STORAGE: "s3",
  DUBAN_S3_ENDPOINT: process.env.E2E_S3_ENDPOINT ?? "",
  DUBAN_S3_BUCKET: process.env.E2E_S3_BUCKET ?? "",
  DUBAN_S3_FORCE_PATH_STYLE: "1",
  DUBAN_S3_PREFIX: "e2e/",
  DUBAN_S3_ACCESS_KEY_ID: "S3RVER",
  DUBAN_S3_SECRET_ACCESS_KEY: "S3RVER",
  DUBAN_METRICS_TOKEN: metricsToken,
  ...notifyEnv(port),
});
const withPostgres = Boolean(process.env.E2E_PG_URL && process.env.E2E_S3_ENDPOINT);

interface Server {
  name: string;
  port: number;
  env: Record<string, string>;
}

const servers: Server[] = [
  ...(withPostgres
    ? [
        { name: "postgres", port: postgresPort, env: shared(postgresPort) },
        // Started after the first is ready (Playwright starts web servers in turn), as a second instance would join.
        { name: "postgres-2", port: secondPort, env: shared(secondPort) },
      ]
    : []),
  {
    name: "embedded",
    port: embeddedPort,
    env: {
      ...common,
      ...notifyEnv(embeddedPort),
      DUBAN_DATA_DIR: process.env.E2E_EMBEDDED_DIR ?? ".e2e/embedded",
      NEXTAUTH_URL: `http://localhost:${embeddedPort}`,
    },
  },
];

const MULTI_INSTANCE = /multi-instance\.spec\.ts/;
const project = (name: string, port: number) => ({
  name,
  use: { ...chromium, baseURL: `http://localhost:${port}`, extraHTTPHeaders: {} },
  metadata: { token, password },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Playwright empties its output folder first: its own, so Vitest's report beside it stays.
  outputDir: "test-results/e2e",
  // A failed test keeps a screenshot and the page's accessibility snapshot (error-context.md). Traces
  // (actions, DOM snapshots, network) are recorded only when asked, E2E_TRACE=1, because they are
  // recorded for every test to be kept for the failed ones: that cost a sixth of the browser stage.
  use: {
    trace: process.env.E2E_TRACE === "1" ? { mode: "retain-on-failure", screenshots: false } : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    ...(withPostgres
      ? [
          { ...project("postgres", postgresPort), testIgnore: MULTI_INSTANCE },
          {
            ...project("multi-instance", postgresPort),
            testMatch: MULTI_INSTANCE,
            metadata: { token, password, otherBaseURL: `http://localhost:${secondPort}`, metricsToken },
          },
        ]
      : []),
    // The embedded database: the smoke set only.
    { ...project("embedded", embeddedPort), grep: /@embedded/, testIgnore: MULTI_INSTANCE },
  ],
  webServer: servers.map((s) => ({
    command: `node .next/duban-server.cjs -p ${s.port}`,
    url: `http://localhost:${s.port}/api/health`,
    env: s.env,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
