// Restore: into an empty database only. The archive is checked whole (every sha256, and a file for
// every row that names one) before the database or the store is touched; the schema is built by the
// backup's own migrations; the rows go in within one transaction that reads them back and compares
// with the manifest before it commits.
import { createHash } from "node:crypto";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify";
import { applyMigrations, readMigrations, type Migration } from "@/lib/db/migrate";
import type { ObjectStore } from "@/lib/storage/object-store";
import { extractArchive } from "./archive";
import { BACKUP_TX, type DatabaseHandle } from "./dump";
import { alreadyInPlace, placeFile, resolveBelow, sha256File, type FileEntry } from "./files";
import { fileEntry, manifestSchema, tableEntry, type Manifest } from "./manifest";
import { appliedMigrations, appTables, foreignKeys, ident, insertOrder, sequences, sortKeys, tableJson, type Query } from "./tables";

export interface RestoreOptions {
  /** Where the stored files go (fileStore() in lib/storage/files): a folder or a bucket. */
  store: ObjectStore;
  /** Where the archive is unpacked first; the system's temporary folder by default. */
  workDir?: string;
  /** The migrations this version of the app has (prisma/migrations by default). */
  migrations?: Migration[];
}

export interface RestoreResult {
  manifest: Manifest;
  migrationsApplied: string[];
  /** Migrations this version has beyond the backup's: the app applies them at its next start. */
  migrationsPending: string[];
  filesCopied: number;
  audit: ChainReport;
  seconds: number;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "manifest.json"), "utf8");
  } catch {
    throw new Error("This is not a Duban backup: it has no manifest.json.");
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`This is not a Duban backup this version can read: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Every table file and stored file must be exactly what the manifest says, before anything is written. */
async function checkArchive(dir: string, manifest: Manifest): Promise<void> {
  for (const t of manifest.tables) {
    const data = await readFile(path.join(dir, tableEntry(t.name))).catch(() => null);
    if (!data) throw new Error(`The backup is incomplete: ${tableEntry(t.name)} is missing.`);
    if (data.byteLength !== t.bytes || sha256(data) !== t.sha256)
      throw new Error(`The backup is damaged: ${tableEntry(t.name)} does not match its sha256 in the manifest.`);
  }
  for (const f of manifest.files) {
    const hash = await sha256File(resolveBelow(dir, fileEntry(f.path))).catch(() => null);
    if (!hash) throw new Error(`The backup is incomplete: ${fileEntry(f.path)} is missing.`);
    if (hash !== f.sha256) throw new Error(`The backup is damaged: ${fileEntry(f.path)} does not match its sha256 in the manifest.`);
  }
}

/**
 * A row that names a stored file (a storageKey column, as the backup finds them) needs that file in
 * the archive: a backup made while a file was missing is incomplete, and restoring it would give
 * back a record whose evidence is gone.
 */
async function checkReferencedFiles(dir: string, manifest: Manifest): Promise<void> {
  const present = new Set(manifest.files.map((f) => f.path));
  const missing: string[] = [];
  for (const t of manifest.tables) {
    const text = await readFile(path.join(dir, tableEntry(t.name)), "utf8");
    if (!text.includes('"storageKey"')) continue;
    // Parsed only to read the keys; the rows are inserted from the text as it is.
    const rows = JSON.parse(text) as Record<string, unknown>[] | null;
    for (const row of rows ?? []) {
      const key = row.storageKey;
      if (typeof key === "string" && !present.has(key)) missing.push(`${t.name} ${key}`);
    }
  }
  if (missing.length) {
    throw new Error(
      `The backup is incomplete: ${missing.length} stored file(s) its rows name are not in it (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}). ` +
        `Nothing was changed. Restore an earlier complete backup.`,
    );
  }
}

/** The backup's migrations, as this version has them; refused if the backup is newer than the code. */
export function migrationsFor(manifest: Manifest, known: Migration[]): Migration[] {
  const names = new Set(known.map((m) => m.name));
  const unknown = manifest.migrations.filter((m) => !names.has(m));
  if (unknown.length) {
    throw new Error(
      `The backup is from a newer version of Duban (${manifest.appVersion}): this version does not know its migration ${unknown.join(", ")}. ` +
        `Restore it with that version or a later one.`,
    );
  }
  const wanted = new Set(manifest.migrations);
  return known.filter((m) => wanted.has(m.name));
}

async function checkEmpty(q: Query, manifest: Manifest): Promise<void> {
  const newer = (await appliedMigrations(q)).filter((m) => !manifest.migrations.includes(m));
  if (newer.length)
    throw new Error(
      `The database already has migration ${newer.join(", ")}, which the backup predates. Nothing was changed: restore into a new, empty database.`,
    );
  for (const table of await appTables(q)) {
    const [row] = await q<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS used`);
    if (row?.used) {
      throw new Error(
        `Restore needs an empty database, but table ${table} has rows. Nothing was changed: restore into a new database ` +
          `(createdb for PostgreSQL, an empty DUBAN_DATA_DIR for the embedded one).`,
      );
    }
  }
}

async function insertRows(db: DatabaseHandle, dir: string, manifest: Manifest): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const q: Query = <T>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params);
    const tables = await appTables(q);
    const expected = manifest.tables.map((t) => t.name).sort();
    if (JSON.stringify(tables) !== JSON.stringify(expected)) {
      throw new Error(`The database's tables (${tables.join(", ")}) are not the backup's (${expected.join(", ")}).`);
    }
    for (const table of insertOrder(tables, await foreignKeys(q))) {
      const json = await readFile(path.join(dir, tableEntry(table)), "utf8");
      await tx.$executeRawUnsafe(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, json);
    }
    // The next id continues after the restored ones (AuditRecord.id).
    for (const s of await sequences(q)) {
      const col = ident(s.column);
      await q(`SELECT setval($1::text::regclass, coalesce(max(${col}), 1), max(${col}) IS NOT NULL) FROM ${ident(s.table)}`, s.sequence);
    }
    const keys = await sortKeys(q);
    for (const t of manifest.tables) {
      const { rows, json } = await tableJson(q, t.name, keys);
      if (rows !== t.rows || sha256(json) !== t.sha256) {
        throw new Error(`Table ${t.name} reads back differently after restore (${rows} rows, backup ${t.rows}); the restore was rolled back.`);
      }
    }
  }, BACKUP_TX);
}

export async function restore(db: DatabaseHandle, archive: string, options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(options.workDir ?? os.tmpdir(), "duban-restore-"));
  try {
    await extractArchive(archive, dir);
    const manifest = await readManifest(dir);
    await checkArchive(dir, manifest);
    await checkReferencedFiles(dir, manifest);
    const known = options.migrations ?? readMigrations();
    const migrations = migrationsFor(manifest, known);
    const q: Query = <T>(sql: string, ...params: unknown[]) => db.raw.query<T>(sql, params);
    await checkEmpty(q, manifest);
    const toCopy: FileEntry[] = [];
    for (const f of manifest.files) {
      if (!(await alreadyInPlace(options.store, f))) toCopy.push(f);
    }

    const migrationsApplied = await applyMigrations(db.raw, migrations);
    // Files first: should the rows fail, a stored file nobody names is harmless; the reverse is not.
    for (const f of toCopy) await placeFile(options.store, resolveBelow(dir, fileEntry(f.path)), f);
    await insertRows(db, dir, manifest);

    return {
      manifest,
      migrationsApplied,
      migrationsPending: known.filter((m) => !manifest.migrations.includes(m.name)).map((m) => m.name),
      filesCopied: toCopy.length,
      audit: await verifyAuditChain(db.prisma),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
