// On both databases: the migration runner is SQL of its own, and the embedded one has no advisory lock.
import { afterEach, describe, expect, it } from "vitest";
import { BOTH_DB_KINDS, freshDatabase, type DbKind } from "@/lib/testing/db";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { connect, type Connection } from "./connection";
import { applyMigrations, readMigrations } from "./migrate";

describe("migrations", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  /** A database with nothing in it, not even the migrations table. */
  async function fresh(kind: DbKind): Promise<Connection> {
    const t = await freshDatabase(kind, "bare");
    cleanups.push(() => t.close());
    return t.connection;
  }

  it.each(BOTH_DB_KINDS)("apply once, then are a no-op (%s)", async (kind) => {
    const c = await fresh(kind);
    const all = readMigrations().map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);
    expect(await applyMigrations(c.raw)).toEqual(all);
    expect(await applyMigrations(c.raw)).toEqual([]);
    const rows = await c.raw.query<{ migration_name: string; finished_at: Date | null }>(`SELECT migration_name, finished_at FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(all);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it.each(BOTH_DB_KINDS)("refuse to start when an applied migration was edited (%s)", async (kind) => {
    const c = await fresh(kind);
    const migrations = readMigrations();
    await applyMigrations(c.raw, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(c.raw, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it.each(BOTH_DB_KINDS)("roll back a failing migration entirely (%s)", async (kind) => {
    const c = await fresh(kind);
    const bad = { name: "99999999999999_bad", sql: `CREATE TABLE "Half" (id int);\nSELECT * FROM no_such_table;`, checksum: "f".repeat(64) };
    await expect(applyMigrations(c.raw, [bad])).rejects.toThrow(/99999999999999_bad failed/);
    const tables = await c.raw.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables).toEqual([]);
    const recorded = await c.raw.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_bad'`);
    expect(recorded).toEqual([]);
  });

  it("apply each migration once when two PostgreSQL instances start together", async () => {
    const db = await createTestDatabase();
    const a = connect({ kind: "postgres", url: db.url });
    const b = connect({ kind: "postgres", url: db.url });
    cleanups.push(async () => {
      await a.raw.close();
      await b.raw.close();
      await dropTestDatabase(db.name);
    });
    const [ra, rb] = await Promise.all([applyMigrations(a.raw), applyMigrations(b.raw)]);
    const all = readMigrations().map((m) => m.name);
    expect([...ra, ...rb].sort()).toEqual(all);
    const rows = await a.raw.query<{ n: string }>(`SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(rows[0]?.n).toBe(String(all.length));
  });
});
