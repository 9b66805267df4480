// npm run backup -- [--out file.tar.gz]: the database (DATABASE_URL, or the embedded one in
// DUBAN_DATA_DIR) and the stored files in one archive. PostgreSQL is backed up while the app runs;
// the embedded database has one owner at a time, so stop the server first.
import path from "node:path";
import { parseBackupArgs } from "@/lib/backup/cli-args";
import { backupReport, failureMessage } from "@/lib/backup/cli-report";
import { backup } from "@/lib/backup/dump";
import { closeDatabase, db, rawSql } from "@/lib/db";
import { filesDir } from "@/lib/env";

async function main() {
  const { out } = parseBackupArgs(process.argv.slice(2), new Date());
  try {
    const result = await backup({ prisma: db(), raw: rawSql() }, { out: path.resolve(out), filesRoot: filesDir });
    console.log(backupReport(result));
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(failureMessage(error, "backup"));
  process.exit(1);
});
