// Backup: every app table as the database's own JSON text, read in one repeatable-read snapshot (so
// it is consistent while the app keeps writing), plus every stored file of the store (a folder or a
// bucket), into one .tar.gz. A backup in which a file the database names is missing is incomplete:
// it is still written (its tables may be the best copy there is), but said so, and restore refuses it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db";
import type { RawSql } from "@/lib/db/connection";
import type { ObjectStore } from "@/lib/storage/object-store";
import { writeArchive } from "./archive";
import { collectStoredFiles } from "./files";
import { BACKUP_FORMAT, FORMAT_VERSION, tableEntry, type Manifest } from "./manifest";
import { appliedMigrations, appTables, ident, sortKeys, storageKeyColumns, tableJson, type Query } from "./tables";

export interface DatabaseHandle {
  prisma: Db;
  raw: RawSql;
}

/** A whole-database read or write may take minutes on a large database; Prisma's default is 5 s. */
export const BACKUP_TX = { timeout: 60 * 60_000, maxWait: 60_000 } as const;

export interface BackupOptions {
  out: string;
  /** Where the stored files are (fileStore() in lib/storage/files). */
  store: ObjectStore;
  /** Where the table files are staged; the system's temporary folder by default. */
  workDir?: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  /** storageKeys the database names but the store does not hold: the backup is incomplete. */
  missingFiles: string[];
  /** Where the files came from, for the report. */
  store: string;
  seconds: number;
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

interface Snapshot {
  migrations: string[];
  tables: Manifest["tables"];
  storageKeys: string[];
}

async function readSnapshot(db: DatabaseHandle, staging: string): Promise<Snapshot> {
  return db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const q: Query = <T>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params);
      const migrations = await appliedMigrations(q);
      if (!migrations.length) throw new Error("This database has no Duban tables (no migrations applied): nothing to back up.");
      const keys = await sortKeys(q);
      const tables: Manifest["tables"] = [];
      for (const name of await appTables(q)) {
        const { rows, json } = await tableJson(q, name, keys);
        // Written exactly as the database produced it; the sha256 covers these bytes.
        await writeFile(path.join(staging, tableEntry(name)), json, "utf8");
        tables.push({ name, rows, bytes: Buffer.byteLength(json, "utf8"), sha256: sha256(json) });
      }
      const storageKeys: string[] = [];
      for (const { table, column } of await storageKeyColumns(q)) {
        const rows = await q<{ key: string }>(`SELECT ${ident(column)} AS key FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL`);
        storageKeys.push(...rows.map((r) => r.key));
      }
      return { migrations, tables, storageKeys };
    },
    // PostgreSQL: one snapshot for all tables. PGlite ignores the level, but it has one session and
    // its driver holds it for the whole transaction, so nothing can write in between.
    { isolationLevel: "RepeatableRead", ...BACKUP_TX },
  );
}

export async function backup(db: DatabaseHandle, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const staging = await mkdtemp(path.join(options.workDir ?? os.tmpdir(), "duban-backup-"));
  try {
    await mkdir(path.join(staging, "tables"));
    const snapshot = await readSnapshot(db, staging);
    // After the snapshot: a file uploaded meanwhile is carried along unreferenced, which is harmless.
    const { files, sources } = await collectStoredFiles(options.store, path.join(staging, "files"));
    const present = new Set(files.map((f) => f.path));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: new Date().toISOString(),
      database: db.raw.kind,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      files,
    };
    await writeFile(path.join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
    await writeArchive(options.out, staging, ["manifest.json", "tables"], sources);
    return {
      file: options.out,
      bytes: (await stat(options.out)).size,
      manifest,
      missingFiles: snapshot.storageKeys.filter((k) => !present.has(k)).sort(),
      store: `${options.store.backend} ${options.store.location}`,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
