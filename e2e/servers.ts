// The app servers the browser tests run against, all serving the current build through `npm start`'s
// server: on PostgreSQL with an S3-compatible object store (what several production instances share),
// a second instance on that same database and store (the multi-instance tests), and one on the
// embedded database with a files folder (the smoke set, tagged @embedded). scripts/test-e2e.ts starts
// them side by side and playwright.config.ts points the projects at them.
import { notifyEnv } from "./notify-config";

export const E2E_TOKEN = process.env.E2E_TOKEN ?? "e2e-token-for-local-runs-only";
export const E2E_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? "demo-pass-e2e-1";
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";
const TODAY = "2018-04-10";

/** E2E_PORT_BASE lets several checkouts run their browser tests side by side on one machine. */
export function e2ePorts(base = Number(process.env.E2E_PORT_BASE ?? 3200)) {
  return { embedded: base + 1, postgres: base + 2, second: base + 3, objectStore: base + 4 };
}

export interface E2eServer {
  name: "postgres" | "postgres-2" | "embedded";
  port: number;
  env: Record<string, string>;
  /** Started once this one answers: a second instance joins a database the first has migrated and seeded. */
  startsAfter?: E2eServer["name"];
}

export interface E2eBackends {
  /** A PostgreSQL database and an object store for it; without them only the embedded server runs. */
  postgres?: { url: string; s3Endpoint: string; s3Bucket: string };
  embeddedDir: string;
}

export function e2eServers(backends: E2eBackends): E2eServer[] {
  const ports = e2ePorts();
  const common = {
    DUBAN_TODAY: TODAY,
    DUBAN_DEMO_PASSWORD: E2E_PASSWORD,
    DUBAN_E2E_TOKEN: E2E_TOKEN,
    // A JSON line per request would bury the test report; warnings and errors still show.
    DUBAN_LOG_LEVEL: process.env.DUBAN_LOG_LEVEL ?? "warn",
    // The tests stand in for a reverse proxy on this machine: a request that says X-Forwarded-For
    // comes from that address (the sign-in limits test attacks from "elsewhere" this way).
    DUBAN_TRUSTED_PROXIES: "loopback",
  };
  const pg = backends.postgres;
  const shared = (port: number): Record<string, string> =>
    pg
      ? {
          ...common,
          DATABASE_URL: pg.url,
          DUBAN_SEED_DEMO: "1",
          NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
          NEXTAUTH_URL: `http://localhost:${port}`,
          DUBAN_STORAGE: "s3",
          DUBAN_S3_ENDPOINT: pg.s3Endpoint,
          DUBAN_S3_BUCKET: pg.s3Bucket,
          DUBAN_S3_FORCE_PATH_STYLE: "1",
          DUBAN_S3_PREFIX: "e2e/",
          DUBAN_S3_ACCESS_KEY_ID: "S3RVER",
          DUBAN_S3_SECRET_ACCESS_KEY: "S3RVER",
          DUBAN_METRICS_TOKEN: E2E_METRICS_TOKEN,
          ...notifyEnv(port),
        }
      : {};
  return [
    ...(pg
      ? [
          { name: "postgres" as const, port: ports.postgres, env: shared(ports.postgres) },
          { name: "postgres-2" as const, port: ports.second, env: shared(ports.second), startsAfter: "postgres" as const },
        ]
      : []),
    {
      name: "embedded",
      port: ports.embedded,
      env: { ...common, ...notifyEnv(ports.embedded), DUBAN_DATA_DIR: backends.embeddedDir, NEXTAUTH_URL: `http://localhost:${ports.embedded}` },
    },
  ];
}
