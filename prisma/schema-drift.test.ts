// schema.prisma and the committed migrations must not drift apart: every schema change has a
// migration (npm run db:new-migration), and every migration is what Prisma generates for the
// change it records (a hand-written addition may follow the generated part).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "migrations");
const migrations = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, "migration.sql")))
  .sort();

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  return execFileSync(path.resolve("node_modules", ".bin", "prisma"), args, {
    encoding: "utf8",
    env: { ...process.env, DUBAN_PRISMA_CLI_OFFLINE: "1" },
    stdio: ["ignore", "pipe", "ignore"],
  });
}

describe("schema and migrations", () => {
  it("every migration keeps the schema it was made from", () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(fs.existsSync(path.join(root, m, "schema.prisma")), m).toBe(true);
  });

  it("schema.prisma has no change that lacks a migration", () => {
    const last = migrations.at(-1) ?? "";
    const snapshot = fs.readFileSync(path.join(root, last, "schema.prisma"), "utf8");
    const current = fs.readFileSync(path.resolve(import.meta.dirname, "schema.prisma"), "utf8");
    expect(current, "schema.prisma changed since the last migration: run npm run db:new-migration -- <name>").toBe(snapshot);
  });

  // One `prisma migrate diff` per migration, ~20 s each on a busy 2-core machine: the limit grows with them.
  it("each migration's SQL is what Prisma generates for its schema change", { timeout: 60_000 * (migrations.length + 2) }, () => {
    let previous: string | null = null;
    for (const m of migrations) {
      const snapshot = path.join(root, m, "schema.prisma");
      const expected = diff(previous, snapshot).trim();
      const actual = fs.readFileSync(path.join(root, m, "migration.sql"), "utf8");
      expect(actual.startsWith(expected), `${m}/migration.sql differs from the generated diff`).toBe(true);
      previous = snapshot;
    }
  });
});
