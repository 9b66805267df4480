// Prometheus metrics of this instance (each instance is scraped on its own). With DUBAN_METRICS_TOKEN
// set, only "Authorization: Bearer <token>" is answered; without it, keep /api/metrics off the public
// proxy (docs/deploy.md).
import { timingSafeEqual } from "node:crypto";
import { rawSql } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const token = env.DUBAN_METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function GET(request: Request) {
  if (!authorized(request)) {
    return new Response("unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } });
  }
  const m = metrics();
  const pool = rawSql().poolStats?.();
  if (pool) {
    m.dbPool.set({ state: "total" }, pool.total);
    m.dbPool.set({ state: "idle" }, pool.idle);
    m.dbPool.set({ state: "waiting" }, pool.waiting);
  }
  return new Response(await m.registry.metrics(), { headers: { "Content-Type": m.registry.contentType, "Cache-Control": "no-store" } });
}
