// Wraps the server's request handler: every request gets an id (X-Request-Id, echoed back), runs in
// its own request context (so every log line it causes carries the id and, once known, the user),
// and when its response ends, one JSON line and one latency observation: method, route pattern,
// status and milliseconds. Never the query string, headers or body.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Metrics } from "./metrics";
import { requestContext, type RequestContext } from "./request-context";
import { incomingRequestId, methodLabel, type RouteLabeler } from "./route-label";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Probes that run every few seconds: logged only at debug level while they succeed. */
const PROBES = /^\/api\/(health(\/(live|ready))?|metrics)$/;

function pathnameOf(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0] ?? "/";
  return raw.length > 300 ? `${raw.slice(0, 300)}…` : raw;
}

export interface ObserveDeps {
  log: Logger;
  metrics: Metrics;
  label: RouteLabeler;
  /** A server action's name ("saveReportAction") for the opaque id Next sends; undefined when unknown. */
  actionName?: (id: string) => string | undefined;
}

export function observeRequests(handler: Handler, deps: ObserveDeps): RequestListener {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: incomingRequestId(req.headers["x-request-id"]) ?? randomUUID() };
    res.setHeader("X-Request-Id", context.requestId);

    res.once("close", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = pathnameOf(req.url);
      const route = deps.label(path);
      const method = methodLabel(req.method);
      const status = res.statusCode;
      deps.metrics.httpDuration.observe({ route, method, status: String(status) }, ms / 1000);
      const action = req.headers["next-action"];
      const line = {
        reqId: context.requestId,
        ...(context.userId ? { userId: context.userId } : {}),
        method,
        path,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        // A server action is a POST to its page; Next names the action by an opaque id.
        ...(typeof action === "string" ? { action: deps.actionName?.(action) ?? action.slice(0, 64) } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) deps.log.error(line, "request");
      else if (PROBES.test(path)) deps.log.debug(line, "request");
      else deps.log.info(line, "request");
    });

    requestContext.run(context, () => {
      handler(req, res).catch((error: unknown) => {
        deps.log.error({ err: error, reqId: context.requestId }, "request failed");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
          res.end("Internal Server Error");
        } else {
          res.destroy();
        }
      });
    });
  };
}
