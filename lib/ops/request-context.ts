// Who and which request a line of log belongs to. The server (server.ts) opens a context for each
// request; the session code notes the user once it knows them. Kept on globalThis: the server and
// the app's bundled code load this module separately and must share one store.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  userId?: string;
}

const g = globalThis as typeof globalThis & { __dubanRequestContext?: AsyncLocalStorage<RequestContext> };

export const requestContext: AsyncLocalStorage<RequestContext> = (g.__dubanRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}

/** Records the signed-in user on the request being served (nothing outside a request). */
export function noteRequestUser(userId: string): void {
  const context = requestContext.getStore();
  if (context) context.userId = userId;
}
