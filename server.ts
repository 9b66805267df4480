// The production server (npm start, npm run demo, the browser tests): Next's own request handler,
// wrapped so that every request has an id, a JSON log line with its user and latency, and its
// latency in the metrics (lib/ops/observe-requests.ts). Built into .next/duban-server.cjs by
// `npm run build`. One process: it is the embedded database's only owner, as `next start` was.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { consoleToLog } from "@/lib/ops/console-to-log";
import { log } from "@/lib/ops/log";
import { metrics } from "@/lib/ops/metrics";
import { observeRequests } from "@/lib/ops/observe-requests";
import { actionNames, routeLabeler, type RoutesManifest, type ServerReferenceManifest } from "@/lib/ops/route-label";
import { serverOptions } from "@/lib/ops/server-options";

async function main() {
  const { port, hostname } = serverOptions(process.argv.slice(2), process.env);
  const dir = process.cwd();
  consoleToLog(log());
  // As `next start` does; lib/env reads it when the app's code first loads.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

  const app = next({ dev: false, dir, port, hostname });
  // Next then runs instrumentation.ts (the storage check, migrations, the demo plan on an empty
  // database) before it serves the first request; a failure there ends the process.
  await app.prepare();
  const handle = app.getRequestHandler();
  const manifest = <T>(file: string) => JSON.parse(readFileSync(path.join(dir, ".next", file), "utf8")) as T;
  const label = routeLabeler(manifest<RoutesManifest>("routes-manifest.json"));
  const actionName = actionNames(manifest<ServerReferenceManifest>("server/server-reference-manifest.json"));

  const server = http.createServer(observeRequests((req, res) => handle(req, res), { log: log(), metrics: metrics(), label, actionName }));
  // Longer than a proxy's idle upstream connection (nginx: 60 s), so the proxy never reuses one
  // this server has just closed (a 502 for the user).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, "stopping: finishing requests in flight");
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests that take longer are cut off; the process must go.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  server.listen(port, hostname, () => {
    log().info({ port, hostname: hostname ?? "*", url: `http://${hostname ?? "localhost"}:${port}` }, "listening");
  });
}

main().catch((error: unknown) => {
  log().fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
