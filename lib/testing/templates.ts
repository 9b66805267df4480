// Seeded once per test run, copied for each test file. Building a database (PGlite's start, the
// migrations, the demo plan with its hashed passwords) takes seconds; copying a built one takes a
// fraction of one: on PostgreSQL a template database (CREATE DATABASE … TEMPLATE), on PGlite a
// dump of its data folder (dumpDataDir) that a new in-memory instance starts from.
//
// The first test file that needs a template builds it, under an advisory lock on the PostgreSQL
// server so parallel workers wait for it instead of building it twice; the others find it ready.
// Templates are named after the run (global-setup.ts), which drops them when the run ends.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type Holder } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { loadDemo } from "@/prisma/seed/demo";
import { createTestDatabase, dropTestDatabase, onServer } from "./postgres";
import { templateDir, templatePrefix } from "./run";

/** What a test database holds: nothing at all, the migrated schema, or that plus the demo plan. */
export type Contents = "bare" | "empty" | "demo";

/** The demo users' password in test databases. */
export const DEMO_TEST_PASSWORD = "demo-pass-unit";

/** Each template is built from a copy of the one before it. */
const PARENT: Record<Contents, Contents | null> = { bare: null, empty: "bare", demo: "empty" };

async function fill(contents: Contents, holder: Holder): Promise<void> {
  if (contents === "empty") await applyMigrations(holder.connection.raw);
  if (contents === "demo") await loadDemo(holder.prisma, { password: DEMO_TEST_PASSWORD });
}

async function close(holder: Holder): Promise<void> {
  await holder.prisma.$disconnect();
  await holder.connection.raw.close();
}

/** The run's name (set by global-setup.ts): templates and their folder carry it. */
function run(): string {
  return inject("dubanTestRun");
}

/** Runs fn while holding a server-wide advisory lock named `key`. */
async function locked(key: string, fn: () => Promise<void>): Promise<void> {
  await onServer(async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    try {
      await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
    }
  });
}

const readyPostgres = new Set<string>();

/** The name of the PostgreSQL template holding `contents` (none for a bare database). */
export async function postgresTemplate(contents: Contents): Promise<string | undefined> {
  const parentContents = PARENT[contents];
  if (!parentContents) return undefined;
  const name = `${templatePrefix(run())}_${contents}`;
  if (readyPostgres.has(name)) return name;
  await locked(name, async () => {
    const exists = await onServer((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
    if (exists.rowCount) return;
    // Built under another name and renamed when complete, so nobody copies a half-built one.
    const build = await createTestDatabase(`${templatePrefix(run())}_build`, await postgresTemplate(parentContents));
    try {
      const holder = openDatabase({ kind: "postgres", url: build.url });
      try {
        await fill(contents, holder);
      } finally {
        await close(holder);
      }
      await onServer((c) => c.query(`ALTER DATABASE "${build.name}" RENAME TO "${name}"`));
    } catch (error) {
      await dropTestDatabase(build.name);
      throw error;
    }
  });
  readyPostgres.add(name);
  return name;
}

const readyEmbedded = new Map<Contents, Blob>();

/** A dump of an embedded database holding `contents`, for `new PGlite({ loadDataDir })`. */
export async function embeddedTemplate(contents: Contents): Promise<Blob> {
  const known = readyEmbedded.get(contents);
  if (known) return known;
  const dir = templateDir(run());
  const file = path.join(dir, `${contents}.tar`);
  if (!fs.existsSync(file)) {
    await locked(`${templatePrefix(run())}_${contents}_embedded`, async () => {
      if (fs.existsSync(file)) return;
      const parentContents = PARENT[contents];
      const from = parentContents ? await embeddedTemplate(parentContents) : undefined;
      const holder = openDatabase({ kind: "embedded", dir: "memory", loadDataDir: from });
      try {
        await fill(contents, holder);
        const pglite = holder.connection.pglite;
        if (!pglite) throw new Error("an embedded connection without its PGlite instance");
        await pglite.waitReady;
        const dump = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(`${file}.part`, dump);
        fs.renameSync(`${file}.part`, file);
      } finally {
        await close(holder);
      }
    });
  }
  const blob = new Blob([fs.readFileSync(file)]);
  readyEmbedded.set(contents, blob);
  return blob;
}
