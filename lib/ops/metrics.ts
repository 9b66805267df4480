// Prometheus metrics (prom-client), served at /api/metrics. One registry per process, kept on
// globalThis: the server (request latency) and the app's bundled code (board cache, files) add to
// the same one. Labels are bounded: routes are patterns (route-label.ts), never raw paths or ids.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "duban_" });
  return {
    registry,
    httpDuration: new Histogram({
      name: "duban_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by route pattern, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    boardCache: new Counter({
      name: "duban_board_cache_total",
      help: "Status board lookups answered from the computed-board cache (hit) or computed (miss)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    filesStored: new Counter({
      name: "duban_files_stored_total",
      help: "Files written to storage, by kind and backend",
      labelNames: ["kind", "backend"] as const,
      registers: [registry],
    }),
    filesStoredBytes: new Counter({
      name: "duban_files_stored_bytes_total",
      help: "Bytes written to storage, by kind and backend",
      labelNames: ["kind", "backend"] as const,
      registers: [registry],
    }),
    filesServed: new Counter({
      name: "duban_files_served_total",
      help: "Stored files read back for download or import, by kind, backend and outcome (ok, missing, size, sha256)",
      labelNames: ["kind", "backend", "result"] as const,
      registers: [registry],
    }),
    dbPool: new Gauge({
      name: "duban_db_pool_connections",
      help: "PostgreSQL connections of this instance's pool: total, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const g = globalThis as typeof globalThis & { __dubanMetrics?: Metrics };

export function metrics(): Metrics {
  g.__dubanMetrics ??= create();
  return g.__dubanMetrics;
}

/** The tiny hooks the app's code calls. */
export const boardCacheMetrics = {
  hit: () => metrics().boardCache.inc({ result: "hit" }),
  miss: () => metrics().boardCache.inc({ result: "miss" }),
};

export const fileMetrics = {
  stored(kind: string, backend: string, bytes: number) {
    const m = metrics();
    m.filesStored.inc({ kind, backend });
    m.filesStoredBytes.inc({ kind, backend }, bytes);
  },
  served(kind: string, backend: string, result: string) {
    metrics().filesServed.inc({ kind, backend, result });
  },
};
