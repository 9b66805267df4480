// The app's Prisma client: created on first use (never at import, so `next build` workers never
// open the database), kept on globalThis so dev hot reloads reuse the one embedded instance.
import { PrismaClient } from "@/generated/prisma/client";
import { dataDir, env } from "@/lib/env";
import { clearDatabaseCaches } from "./caches";
import { connect, type Connection, type Target } from "./connection";

export type Db = InstanceType<typeof PrismaClient>;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Limits for a write's transaction: under load it may wait a while for a connection rather than fail. */
export const WRITE_TX = { maxWait: 15_000, timeout: 15_000 } as const;

export interface Holder {
  connection: Connection;
  prisma: Db;
}

const g = globalThis as typeof globalThis & { __dubanDb?: Holder };

export function appTarget(): Target {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "embedded", dir: dataDir };
}

export function openDatabase(target: Target): Holder {
  const connection = connect(target);
  const prisma = new PrismaClient({ adapter: connection.adapter });
  return { connection, prisma };
}

function holder(): Holder {
  g.__dubanDb ??= openDatabase(appTarget());
  return g.__dubanDb;
}

export function db(): Db {
  return holder().prisma;
}

export function rawSql() {
  return holder().connection.raw;
}

/** Tests and scripts: make `h` the database the app's code uses (undefined to forget it). */
export function installDatabase(h: Holder | undefined): void {
  g.__dubanDb = h;
  clearDatabaseCaches();
}

export async function closeDatabase(): Promise<void> {
  const h = g.__dubanDb;
  if (!h) return;
  g.__dubanDb = undefined;
  await h.prisma.$disconnect();
  await h.connection.raw.close();
}
