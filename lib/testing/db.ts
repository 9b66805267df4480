// A fresh, migrated database of either kind for a test file, installed as the app's database
// so that queries and mutations under test use it. Every database test runs on both kinds.
import { installDatabase, openDatabase, type Holder } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "./postgres";

export const DB_KINDS = ["embedded", "postgres"] as const;
export type DbKind = (typeof DB_KINDS)[number];

export interface TestDatabase extends Holder {
  kind: DbKind;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const created = kind === "postgres" ? await createTestDatabase() : null;
  const holder = openDatabase(created ? { kind: "postgres", url: created.url } : { kind: "embedded", dir: "memory" });
  await applyMigrations(holder.connection.raw);
  installDatabase(holder);
  return {
    ...holder,
    kind,
    async close() {
      installDatabase(undefined);
      await holder.prisma.$disconnect();
      await holder.connection.raw.close();
      if (created) await dropTestDatabase(created.name);
    },
  };
}
