// schema.prisma and the committed migrations must not drift apart: every schema change has a
// migration (npm run db:new-migration), the newest migration is what Prisma generates for the
// change it records (a hand-written addition may follow the generated part), and no migration
// changes once made (prisma/migrations.sha256). Replaying every older migration through the
// Prisma CLI proved nothing new on each run, since they cannot change: npm run
// db:check-migrations still does it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationFilePaths, migrationFolders, readChecksums, sha256 } from "@/lib/db/migration-files";
import { prismaDiff } from "@/lib/db/prisma-diff";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";

const root = path.resolve(import.meta.dirname, "..");
const migrations = migrationFolders(root);
const folder = (m: string) => path.join(root, "prisma", "migrations", m);

describe("schema and migrations", () => {
  it("every migration keeps the schema it was made from", () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(fs.existsSync(path.join(folder(m), "schema.prisma")), m).toBe(true);
  });

  it("schema.prisma has no change that lacks a migration", () => {
    const last = migrations.at(-1) ?? "";
    // The generator block says how the client is generated (e.g. its preview features), not what
    // the database holds: a change there needs no migration.
    const schemaOnly = (text: string) => text.replace(/^generator \w+ \{[\s\S]*?^\}\n/m, "");
    const snapshot = schemaOnly(fs.readFileSync(path.join(folder(last), "schema.prisma"), "utf8"));
    const current = schemaOnly(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
    expect(current, "schema.prisma changed since the last migration: run npm run db:new-migration -- <name>").toBe(snapshot);
    expect(current).toContain("model Campaign {");
  });

  it("no migration changed after it was made, and each is recorded in prisma/migrations.sha256", () => {
    const recorded = readChecksums(root);
    const files = migrations.flatMap(migrationFilePaths);
    for (const file of files) {
      const hash = recorded.get(file);
      expect(
        hash,
        `${file} is not in prisma/migrations.sha256: npm run db:new-migration records each new migration (npm run db:new-migration -- --record for one made elsewhere)`,
      ).toBeDefined();
      expect(sha256(path.join(root, file)), `${file} changed after it was made: leave it as it was and add a new migration`).toBe(hash);
    }
    expect(
      [...recorded.keys()].filter((f) => !files.includes(f)),
      "recorded migrations that are gone",
    ).toEqual([]);
  });

  describe("the newest migration", () => {
    // The Prisma CLI wants a database even to diff two schema files: an empty PostgreSQL one
    // answers at once, where the offline default starts an in-memory PGlite first.
    let database: { name: string; url: string };
    beforeAll(async () => {
      database = await createTestDatabase("duban_drift");
    });
    afterAll(() => dropTestDatabase(database.name));

    it("is what Prisma generates for its schema change", { timeout: 120_000 }, () => {
      const newest = migrations.at(-1) ?? "";
      const previous = migrations.at(-2);
      const expected = prismaDiff(
        previous ? path.join(folder(previous), "schema.prisma") : null,
        path.join(folder(newest), "schema.prisma"),
        database.url,
      ).trim();
      const actual = fs.readFileSync(path.join(folder(newest), "migration.sql"), "utf8");
      expect(actual.startsWith(expected), `${newest}/migration.sql differs from the generated diff`).toBe(true);
    });
  });
});
