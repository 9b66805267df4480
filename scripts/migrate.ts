// npm run db:migrate: applies pending migrations (the server also does this at start-up).
// With the embedded database, stop the server first: only one process may open it.
import { closeDatabase, rawSql } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";

async function main() {
  const applied = await applyMigrations(rawSql());
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
