// Throwaway PostgreSQL databases for tests: created on the server named by DUBAN_TEST_PG_URL
// (default: the local server, trust auth) and dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_PG_URL = process.env.DUBAN_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs fn on a connection to the server's maintenance database. */
export async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `No PostgreSQL server at ${TEST_PG_URL} (${(error as Error).message}). The tests need one: start it, or set DUBAN_TEST_PG_URL. .ci/run installs and starts one on a fresh machine.`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database, empty or a copy of `template` (a database nobody is connected to). A copy of a
 * migrated and seeded template costs a fraction of a second; migrating and seeding, seconds.
 */
export async function createTestDatabase(prefix = "duban_test", template?: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await onServer(async (c) => {
    await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    // A test database is thrown away: its commits need not wait for the disk.
    await c.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  return { name, url: databaseUrl(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
