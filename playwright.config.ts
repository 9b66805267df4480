// Browser tests run twice: against a server on the embedded database and one on PostgreSQL
// (scripts/test-e2e.ts creates and drops that database and sets E2E_*). Both serve the same build.
import { defineConfig, devices } from "@playwright/test";

const token = process.env.E2E_TOKEN ?? "e2e-token-for-local-runs-only";
const today = "2018-04-10";
const password = process.env.E2E_DEMO_PASSWORD ?? "demo-pass-e2e-1";
// E2E_PORT_BASE lets several checkouts run their browser tests side by side on one machine.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3200);
const embeddedPort = portBase + 1;
const postgresPort = portBase + 2;

const common = {
  ...process.env,
  DUBAN_TODAY: today,
  DUBAN_DEMO_PASSWORD: password,
  DUBAN_E2E_TOKEN: token,
  // The tests stand in for a reverse proxy on this machine: a request that says X-Forwarded-For
  // comes from that address (the sign-in limits test attacks from "elsewhere" this way).
  DUBAN_TRUSTED_PROXIES: "loopback",
} as Record<string, string>;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

const servers = [
  {
    name: "embedded",
    port: embeddedPort,
    env: { ...common, DUBAN_DATA_DIR: process.env.E2E_EMBEDDED_DIR ?? ".e2e/embedded", NEXTAUTH_URL: `http://localhost:${embeddedPort}` },
  },
  ...(process.env.E2E_PG_URL
    ? [
        {
          name: "postgres",
          port: postgresPort,
          env: {
            ...common,
            DATABASE_URL: process.env.E2E_PG_URL,
            DUBAN_SEED_DEMO: "1",
            NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
            NEXTAUTH_URL: `http://localhost:${postgresPort}`,
          },
        },
      ]
    : []),
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: servers.map((s) => ({
    name: s.name,
    use: { ...chromium, baseURL: `http://localhost:${s.port}`, extraHTTPHeaders: {} },
    metadata: { token, password },
  })),
  webServer: servers.map((s) => ({
    command: `npx next start -p ${s.port}`,
    url: `http://localhost:${s.port}/api/health`,
    env: s.env,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
