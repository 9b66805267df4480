// The one place that picks the database: PostgreSQL when a URL is given, embedded PGlite otherwise.
// It returns both a Prisma driver adapter and a raw SQL handle (for migrations, which need
// multi-statement SQL and a session-level advisory lock).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { acquireEmbeddedLock } from "./embedded-lock";

export interface RawSql {
  kind: "postgres" | "embedded";
  /** Runs one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn while holding a database-wide lock, so that instances starting together take turns. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  /** PostgreSQL: this process's pool, for the metrics (the embedded database has no pool). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface Connection {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  raw: RawSql;
  /** The embedded database itself (tests dump a seeded one to clone it). */
  pglite?: PGlite;
}

/**
 * An embedded database lives in a folder, or in memory; an in-memory one can start from a data
 * folder dumped earlier with `dumpDataDir` (tests clone one seeded database that way).
 */
export type Target = { kind: "postgres"; url: string } | { kind: "embedded"; dir: string | "memory"; loadDataDir?: Blob };

/** Discrete fields, not a connection string: with a string the Prisma CLI mistook its shadow database for the real one. */
export function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    max: Number(u.searchParams.get("connection_limit") ?? 10),
  };
}

// The advisory lock key Prisma Migrate itself uses, so the CLI and the app exclude each other.
const MIGRATION_LOCK_KEY = 72707369;

function postgres(url: string, extra: pg.PoolConfig = {}): Connection {
  const config = { ...poolConfig(url), ...extra };
  // One pool for Prisma and for raw SQL, so closing the connection closes every client.
  const pool = new pg.Pool(config);
  // An idle client cut off by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`[duban] PostgreSQL connection lost: ${error.message}`));
  const raw: RawSql = {
    kind: "postgres",
    async exec(sql) {
      // One client for the whole script, so a failed BEGIN…COMMIT is rolled back on the same session.
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async withLock(fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
  return { adapter: new PrismaPg(pool), raw };
}

function embedded(dir: string | "memory", loadDataDir?: Blob): Connection {
  const release = dir === "memory" ? () => undefined : acquireEmbeddedLock(dir);
  const db = dir === "memory" ? new PGlite({ loadDataDir }) : new PGlite(`${dir}/pgdata`);
  const raw: RawSql = {
    kind: "embedded",
    async exec(sql) {
      try {
        await db.exec(sql);
      } catch (error) {
        // PGlite is one session: a failed BEGIN…COMMIT would leave it aborted for everyone after.
        await db.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    // One process owns the folder (the lock above), so there is nobody to take turns with.
    withLock: (fn) => fn(),
    async close() {
      await db.close();
      release();
    },
  };
  return { adapter: new PrismaPGlite(db), raw, pglite: db };
}

export function connect(target: Target, extra?: pg.PoolConfig): Connection {
  return target.kind === "postgres" ? postgres(target.url, extra) : embedded(target.dir, target.loadDataDir);
}
