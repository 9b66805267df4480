// The request wrapper of server.ts around a stand-in for Next's handler: a real HTTP server, a real
// logger writing into memory, the real metrics.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { consoleToLog } from "./console-to-log";
import { createLogger } from "./log";
import { metrics } from "./metrics";
import { observeRequests, type Handler } from "./observe-requests";
import { noteRequestUser } from "./request-context";
import { routeLabeler } from "./route-label";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const log = createLogger({ level: "debug", destination: sink });

// What the app does while serving: notes the user, logs on its own, sometimes fails.
const app: Handler = async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (req.url?.startsWith("/boom")) throw new Error("the handler failed");
  if (req.url?.startsWith("/plans/")) {
    noteRequestUser("user-42");
    await Promise.resolve();
    log.info({ planId: "p1" }, "board computed");
  }
  res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
  res.end("ok");
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  const label = routeLabeler({ staticRoutes: [{ page: "/api/health" }], dynamicRoutes: [{ page: "/plans/[planId]", regex: "^/plans/([^/]+?)(?:/)?$" }] });
  const actionName = (id: string) => (id === "60d60da669d847d3" ? "saveReportAction" : undefined);
  server = http.createServer(observeRequests(app, { log, metrics: metrics(), label, actionName }));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const requestLines = () => lines.filter((l) => l.msg === "request");
/** The line is written when the response closes, just after the client has the response. */
const linesFor = (n: number) => vi.waitFor(() => expect(requestLines()).toHaveLength(n));

describe("observeRequests", () => {
  it("gives each request an id, and logs one line with the user, route pattern, status and latency, never the query", async () => {
    lines.length = 0;
    const res = await fetch(`${base}/plans/cmx69at9j001eg07dvsl7zpzk?token=secret-value&password=hunter2`, {
      headers: { cookie: "next-auth.session-token=abc" },
    });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await linesFor(1);
    const [line] = requestLines();
    expect(line).toMatchObject({
      level: "info",
      reqId: id,
      userId: "user-42",
      method: "GET",
      path: "/plans/cmx69at9j001eg07dvsl7zpzk",
      route: "/plans/[planId]",
      status: 200,
    });
    expect(line?.ms).toBeGreaterThanOrEqual(5);
    // What the app logged while serving carries the same id and user.
    expect(lines.find((l) => l.msg === "board computed")).toMatchObject({ reqId: id, userId: "user-42", planId: "p1" });
    const text = JSON.stringify(lines);
    for (const secret of ["secret-value", "hunter2", "session-token", "abc"]) expect(text).not.toContain(secret);
  });

  it("keeps a proxy's request id, names a server action, logs probes at debug and failures at error", async () => {
    lines.length = 0;
    const traced = await fetch(`${base}/plans/x`, { method: "POST", headers: { "x-request-id": "nginx-abcdef0123456789", "next-action": "60d60da669d847d3" } });
    expect(traced.headers.get("x-request-id")).toBe("nginx-abcdef0123456789");
    await fetch(`${base}/api/health`);
    await fetch(`${base}/missing/thing`);
    const failed = await fetch(`${base}/boom`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe("Internal Server Error");
    await linesFor(4);
    const byPath = Object.fromEntries(requestLines().map((l) => [l.path as string, l]));
    expect(byPath["/plans/x"]).toMatchObject({ level: "info", reqId: "nginx-abcdef0123456789", method: "POST", action: "saveReportAction" });
    expect(byPath["/api/health"]).toMatchObject({ level: "debug", route: "/api/health" });
    expect(byPath["/missing/thing"]).toMatchObject({ level: "info", route: "other", status: 404 });
    expect(byPath["/boom"]).toMatchObject({ level: "error", status: 500 });
    const failure = lines.find((l) => l.msg === "request failed");
    expect(failure).toMatchObject({ level: "error", reqId: byPath["/boom"]?.reqId, err: { message: "the handler failed" } });
  });

  it("observes each request's latency under its route pattern", async () => {
    const count = async () => {
      const values = (await metrics().httpDuration.get()).values;
      return (
        values.find((v) => v.metricName === "duban_http_request_duration_seconds_count" && v.labels.route === "/plans/[planId]" && v.labels.method === "GET")
          ?.value ?? 0
      );
    };
    const before = await count();
    await fetch(`${base}/plans/a`);
    await fetch(`${base}/plans/b`);
    await vi.waitFor(async () => expect(await count()).toBe(before + 2));
  });
});

describe("consoleToLog", () => {
  it("turns console output (Next's, and the app's \"[duban] …\" lines) into log lines with the request's id", () => {
    lines.length = 0;
    const target = { ...console };
    consoleToLog(log, target);
    target.log("✓ Ready in %d ms", 120);
    target.warn("[duban] PostgreSQL connection lost: reset");
    target.error("[duban] upload failed:", new Error("disk full"));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["info", "✓ Ready in 120 ms"],
      ["warn", "PostgreSQL connection lost: reset"],
      ["error", "upload failed:"],
    ]);
    expect(lines[2]?.err).toMatchObject({ message: "disk full" });
  });
});

describe("the logger", () => {
  it("never writes passwords, tokens, secrets, cookies or authorization headers, wherever they are", () => {
    lines.length = 0;
    log.info(
      { password: "p1", user: { password: "p2", name: "lead1" }, token: "t", headers: { authorization: "Bearer x", cookie: "c", accept: "text/html" } },
      "careless",
    );
    const [line] = lines;
    expect(line).toMatchObject({
      password: "[redacted]",
      user: { password: "[redacted]", name: "lead1" },
      token: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]", accept: "text/html" },
    });
  });
});
