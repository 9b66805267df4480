// Browser tests: every spec against a server on PostgreSQL with an S3-compatible object store, and the
// smoke set (tests tagged @embedded) against a server on the embedded database with a files folder,
// which proves that path end to end (docs/testing.md). A second PostgreSQL instance shares that
// database and store, for the multi-instance tests (their own project). scripts/test-e2e.ts creates
// the database and the store, starts the servers (e2e/servers.ts) side by side and then runs
// Playwright: run the browser tests with `npm run test:e2e`, which passes its arguments on.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_METRICS_TOKEN, E2E_PASSWORD, E2E_TOKEN, e2ePorts } from "./e2e/servers";

const token = E2E_TOKEN;
const password = E2E_PASSWORD;
const ports = e2ePorts();
const withPostgres = Boolean(process.env.E2E_PG_URL);

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
          { ...project("postgres", ports.postgres), testIgnore: MULTI_INSTANCE },
          {
            ...project("multi-instance", ports.postgres),
            testMatch: MULTI_INSTANCE,
            metadata: { token, password, otherBaseURL: `http://localhost:${ports.second}`, metricsToken: E2E_METRICS_TOKEN },
          },
        ]
      : []),
    // The embedded database: the smoke set only.
    { ...project("embedded", ports.embedded), grep: /@embedded/, testIgnore: MULTI_INSTANCE },
  ],
});
