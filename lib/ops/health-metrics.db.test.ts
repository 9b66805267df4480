// The operator's endpoints, called as Next calls them, on both databases: liveness, readiness
// (database, storage, migrations) and the Prometheus metrics behind their token, including the
// board cache and stored-file counters the app's code feeds.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { getBoard } from "@/lib/board/queries";
import { readMigrations } from "@/lib/db/migrate";
import { createDiskStore } from "@/lib/storage/disk";
import { installFileStore, readVerifiedFile, storeFile } from "@/lib/storage/files";
import { createS3Store } from "@/lib/storage/s3";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { startTestObjectServer, type TestObjectServer } from "@/lib/testing/s3";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { log } from "./log";

// lib/env reads the token when first imported; vi.hoisted runs before the imports above.
const TOKEN = vi.hoisted(() => {
  process.env.DUBAN_METRICS_TOKEN = "metrics-token-for-the-unit-test";
  return process.env.DUBAN_METRICS_TOKEN;
});

let s3: TestObjectServer;
let work: string;
beforeAll(async () => {
  s3 = await startTestObjectServer();
  work = await mkdtemp(path.join(os.tmpdir(), "duban-health-test-"));
});
afterAll(async () => {
  installFileStore(undefined);
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

const scrape = (authorization?: string) => metricsRoute(new Request("http://duban.test/api/metrics", { headers: authorization ? { authorization } : {} }));

async function metricsText(): Promise<string> {
  const res = await scrape(`Bearer ${TOKEN}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(DB_KINDS)("health and metrics (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    installFileStore(s3.store());
  });
  afterAll(() => t.close());

  it("live: always ok, whatever the database", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("ready: 503 naming the check while a migration this version knows is not applied", async () => {
    const last = readMigrations().at(-1)?.name ?? "";
    await t.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, last);
    const warned = vi.spyOn(log(), "warn").mockImplementation(() => undefined);
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", checks: { database: "ok", storage: "ok", migrations: "fail" } });
      expect(warned).toHaveBeenCalledWith(expect.objectContaining({ check: "migrations" }), "readiness check migrations failed");
    } finally {
      warned.mockRestore();
      await t.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, last);
    }
  });

  it("ready (and /api/health, its old name): 200 when database, storage and migrations are fine", async () => {
    for (const route of [ready, health]) {
      const res = await route();
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ status: "ok", checks: { database: "ok", storage: "ok", migrations: "ok" } });
    }
  });

  it("ready: 503 when the store does not answer, with the reason in the log only", async () => {
    const gone = await startTestObjectServer();
    const config = gone.config("");
    await gone.close();
    installFileStore(createS3Store(config));
    const warned = vi.spyOn(log(), "warn").mockImplementation(() => undefined);
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toEqual({ status: "unavailable", checks: { database: "ok", storage: "fail", migrations: "ok" } });
      expect(JSON.stringify(body)).not.toContain("127.0.0.1");
      expect(warned).toHaveBeenCalledWith(expect.objectContaining({ check: "storage", err: expect.anything() }), "readiness check storage failed");
    } finally {
      warned.mockRestore();
      installFileStore(createDiskStore(path.join(work, kind)));
    }
  });

  it("metrics: refused without the token, or with another", async () => {
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await scrape(authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    }
  });

  it("metrics: board cache hits and misses, files stored and served, the database pool", async () => {
    const planId = (await loadDemo(t.prisma, { password: "demo-pass-unit" })).planId;
    const before = await metricsText();
    const leader = await sessionUser("leader");
    await getBoard(leader, planId, null);
    await getBoard(leader, planId, null);
    const stored = await storeFile(Buffer.from("佐证"), "evidence");
    await readVerifiedFile(stored.storageKey, stored);
    await readVerifiedFile(stored.storageKey, { ...stored, sha256: "0".repeat(64) });

    const after = await metricsText();
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('duban_board_cache_total{result="miss"}')).toBe(1);
    expect(grew('duban_board_cache_total{result="hit"}')).toBe(1);
    expect(grew('duban_files_stored_total{kind="evidence",backend="disk"}')).toBe(1);
    expect(grew('duban_files_stored_bytes_total{kind="evidence",backend="disk"}')).toBe(Buffer.byteLength("佐证"));
    expect(grew('duban_files_served_total{kind="evidence",backend="disk",result="ok"}')).toBe(1);
    expect(grew('duban_files_served_total{kind="evidence",backend="disk",result="sha256"}')).toBe(1);
    // The embedded database has no pool; PostgreSQL's is this process's own.
    if (kind === "postgres") expect(sample(after, 'duban_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    else expect(after).not.toMatch(/^duban_db_pool_connections\{/m);
  });
});
