// npm run backup -- [--out file.tar.gz]: the database (DATABASE_URL, or the embedded one in
// DUBAN_DATA_DIR) and every stored file (the folder, or the S3 bucket, that DUBAN_STORAGE names) in
// one archive. PostgreSQL is backed up while the app runs; the embedded database has one owner at a
// time, so stop the server first. Exits 1 when a file the database names is missing from the store.
import path from "node:path";
import { parseBackupArgs } from "@/lib/backup/cli-args";
import { backupReport, failureMessage } from "@/lib/backup/cli-report";
import { backup } from "@/lib/backup/dump";
import { closeDatabase, db, rawSql } from "@/lib/db";
import { fileStore } from "@/lib/storage/files";

async function main() {
  const { out } = parseBackupArgs(process.argv.slice(2), new Date());
  const store = fileStore();
  try {
    const result = await backup({ prisma: db(), raw: rawSql() }, { out: path.resolve(out), store });
    console.log(backupReport(result));
    if (result.missingFiles.length) process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(failureMessage(error, "backup"));
  process.exit(1);
});
