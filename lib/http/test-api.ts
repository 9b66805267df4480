// The browser tests' own endpoints (/api/test/*) answer only when the server was started with
// DUBAN_E2E_TOKEN (never in production) and the request carries that token.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export function testApiAllowed(request: Request): boolean {
  const token = env.DUBAN_E2E_TOKEN;
  const given = request.headers.get("x-e2e-token") ?? "";
  return !!token && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}
