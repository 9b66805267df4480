// npm run restore -- file.tar.gz: a backup into an empty database (DATABASE_URL, or the embedded
// one in DUBAN_DATA_DIR) and its files into the store DUBAN_STORAGE names (a folder or an S3 bucket);
// it refuses a database with rows, a store holding other content under the same names, and an
// incomplete backup.
// The embedded database has one owner at a time, so stop the server first.
import fs from "node:fs";
import path from "node:path";
import { parseRestoreArgs } from "@/lib/backup/cli-args";
import { failureMessage, restoreReport } from "@/lib/backup/cli-report";
import { restore } from "@/lib/backup/restore";
import { closeDatabase, db, rawSql } from "@/lib/db";
import { fileStore } from "@/lib/storage/files";

async function main() {
  const { file } = parseRestoreArgs(process.argv.slice(2));
  // Checked before the database is opened, which would create an empty embedded one.
  if (!fs.existsSync(file)) throw new Error(`No such backup file: ${file}`);
  try {
    const result = await restore({ prisma: db(), raw: rawSql() }, path.resolve(file), { store: fileStore() });
    console.log(restoreReport(result));
    if (result.audit.broken) process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(failureMessage(error, "restore"));
  process.exit(1);
});
