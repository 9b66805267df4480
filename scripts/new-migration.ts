// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql as the diff from the schema as of the
// last migration (its snapshot, kept beside it) to prisma/schema.prisma. `prisma migrate dev`
// cannot be used here: its shadow-database replay fails on every driver adapter.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}
const root = path.resolve("prisma", "migrations");
fs.mkdirSync(root, { recursive: true });
const previous = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, "schema.prisma")))
  .sort()
  .at(-1);
const from = previous
  ? ["--from-schema-datamodel", path.join(root, previous, "schema.prisma")]
  : ["--from-empty"];
const sql = execFileSync(
  path.resolve("node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"],
  { encoding: "utf8", env: { ...process.env, DUBAN_PRISMA_CLI_OFFLINE: "1" } },
);
if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/im.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; the app applies it at its next start (or npm run db:migrate).`);
