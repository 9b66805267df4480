// What npm run backup and npm run restore print: the outcome in a few lines an operator can keep.
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import type { BackupResult } from "./dump";
import type { Manifest } from "./manifest";
import type { RestoreResult } from "./restore";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function tableLines(tables: Manifest["tables"]): string[] {
  const width = Math.max(...tables.map((t) => t.name.length));
  return tables.map((t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(8)}`);
}

export function backupReport(r: BackupResult): string {
  const fileBytes = r.manifest.files.reduce((sum, f) => sum + f.size, 0);
  return [
    `Backup written: ${r.file} (${formatBytes(r.bytes)}) in ${r.seconds.toFixed(1)} s`,
    `Database: ${r.manifest.database}, ${r.manifest.migrations.length} migrations, rows per table:`,
    ...tableLines(r.manifest.tables),
    `Stored files: ${r.manifest.files.length} (${formatBytes(fileBytes)}) from ${r.store}`,
    ...(r.missingFiles.length
      ? [
          `INCOMPLETE: ${r.missingFiles.length} stored file(s) the database names are missing from ${r.store}: ${r.missingFiles.join(", ")}`,
          "npm run restore refuses this archive. Find the files (on another instance's disk?), put them back, and back up again.",
        ]
      : []),
  ].join("\n");
}

export function restoreReport(r: RestoreResult): string {
  const m = r.manifest;
  return [
    `Restored the backup of ${m.createdAt} (Duban ${m.appVersion}, ${m.database} database) in ${r.seconds.toFixed(1)} s`,
    `Migrations applied: ${r.migrationsApplied.length}; rows per table (checked against the backup):`,
    ...tableLines(m.tables),
    `Stored files: ${m.files.length} checked, ${r.filesCopied} copied`,
    r.audit.broken
      ? `Warning: the audit chain is broken at record ${r.audit.broken.id}: ${r.audit.broken.reason} (${r.audit.checked} records verified before it); it was so in the backup.`
      : `Audit chain intact: ${r.audit.checked} records.`,
    ...(r.migrationsPending.length
      ? [`The app applies ${r.migrationsPending.length} newer migration(s) at its next start: ${r.migrationsPending.join(", ")}`]
      : []),
  ].join("\n");
}

/** The message for a failed run; the embedded database's owner is named, with what to do. */
export function failureMessage(error: unknown, command: "backup" | "restore"): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof EmbeddedDatabaseBusyError) {
    return `${message}\nnpm run ${command} needs the embedded database to itself: stop the server first, run it, then start the server again.`;
  }
  return message;
}
