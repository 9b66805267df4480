// The address of the machine at the other end of the TCP connection, the one fact about a request
// its sender cannot choose. Next 16 gives route handlers and the proxy a Web Request, which has no
// socket, and the X-Forwarded-For header Next fills in from the socket keeps whatever the client
// sent. So instrumentation.ts installs this once per process: every HTTP request is handled inside
// an AsyncLocalStorage that holds its socket's address, and code serving that request reads it back.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

interface Capture {
  storage: AsyncLocalStorage<string>;
  installed: boolean;
}

// On globalThis: instrumentation and the route bundles are separate module graphs in one process.
const KEY = Symbol.for("duban.peerAddress");
const g = globalThis as typeof globalThis & { [KEY]?: Capture };

function capture(): Capture {
  g[KEY] ??= { storage: new AsyncLocalStorage<string>(), installed: false };
  return g[KEY];
}

/** Wraps every HTTP server's "request" event so the request is served inside its peer's address. */
export function installPeerAddressCapture(): void {
  const c = capture();
  if (c.installed) return;
  c.installed = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const address = (args[0] as http.IncomingMessage | undefined)?.socket?.remoteAddress;
      if (address) return c.storage.run(address, () => emit.call(this, event, ...args));
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** The socket address of the request being served, or undefined outside one (or if not installed). */
export function peerAddress(): string | undefined {
  return capture().storage.getStore();
}

/** Tests: serve `fn` as if the request had come from `address`. */
export function withPeerAddress<T>(address: string, fn: () => T): T {
  return capture().storage.run(address, fn);
}
