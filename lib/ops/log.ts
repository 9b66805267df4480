// Structured JSON logs on stdout, one object a line, each with the request id and user id of the
// request it belongs to. Only what is logged on purpose is written: no request bodies, headers or
// file contents ever; the redaction below is a second line of defence for a careless error object.
import pino, { type Logger } from "pino";
import { currentRequest } from "./request-context";

/** Field names never written, wherever they are in a logged object (pino's redact paths). */
export const REDACTED_PATHS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      // Read here rather than through lib/env: server.ts makes its logger before the app's code loads.
      // lib/env checks the value (DUBAN_LOG_LEVEL) when the app starts.
      level: options.level ?? process.env.DUBAN_LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin() {
        const request = currentRequest();
        return request ? { reqId: request.requestId, ...(request.userId ? { userId: request.userId } : {}) } : {};
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

const g = globalThis as typeof globalThis & { __dubanLog?: Logger };

/** The process's logger (shared by the server and the app's bundled code). */
export function log(): Logger {
  g.__dubanLog ??= createLogger();
  return g.__dubanLog;
}
