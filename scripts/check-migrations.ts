// npm run db:check-migrations: replays every migration through the Prisma CLI and checks that its
// SQL is what Prisma generates for its schema change (a hand-written addition may follow the
// generated part). The default test run checks only the newest this way (prisma/schema-drift.db.test.ts)
// and the older ones by their checksums; run this after changing how migrations are made.
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, migrationFolders } from "@/lib/db/migration-files";
import { prismaDiff } from "@/lib/db/prisma-diff";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";

async function main() {
  const database = await createTestDatabase("duban_drift");
  let failed = 0;
  try {
    let previous: string | null = null;
    for (const m of migrationFolders()) {
      const snapshot = path.join(MIGRATIONS_DIR, m, "schema.prisma");
      const expected = prismaDiff(previous, snapshot, database.url).trim();
      const ok = fs.readFileSync(path.join(MIGRATIONS_DIR, m, "migration.sql"), "utf8").startsWith(expected);
      if (!ok) failed++;
      console.log(`${ok ? "ok  " : "DIFF"} ${m}`);
      previous = snapshot;
    }
  } finally {
    await dropTestDatabase(database.name);
  }
  if (failed) {
    console.error(`${failed} migration(s) differ from what Prisma generates for their schema change.`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
