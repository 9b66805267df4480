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
  if (kind === "embedded") {
    const holder = openDatabase({ kind: "embedded", dir: "memory" });
    await applyMigrations(holder.connection.raw);
    installDatabase(holder);
    return {
      ...holder,
      kind,
      async close() {
        installDatabase(undefined);
        await holder.prisma.$disconnect();
        await holder.connection.raw.close();
      },
    };
  }
  const created = await createTestDatabase();
  const holder = openDatabase({ kind: "postgres", url: created.url });
  await applyMigrations(holder.connection.raw);
  installDatabase(holder);
  return {
    ...holder,
    kind,
    async close() {
      installDatabase(undefined);
      await holder.prisma.$disconnect();
      await holder.connection.raw.close();
      await dropTestDatabase(created.name);
    },
  };
}
