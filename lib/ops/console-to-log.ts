// In the server, whatever is written with console.* (by Next itself, or by the app's
// `console.error("[duban] …", error)`) becomes a JSON log line with the request's id too, so that
// the log is one format an operator can parse.
import { format } from "node:util";
import type { Logger } from "pino";

const LEVELS = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" } as const;

export function consoleToLog(log: Logger, target: Console = console): void {
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, (typeof LEVELS)[keyof typeof LEVELS]][]) {
    target[method] = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const msg = format(...rest)
        .replace(/^\[duban\]\s*/, "")
        .trimEnd();
      if (err) log[level]({ err }, msg || err.message);
      else log[level](msg);
    };
  }
}
