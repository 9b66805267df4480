// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql as the diff from the schema as of the
// last migration (its snapshot, kept beside it) to prisma/schema.prisma, and records both files'
// checksums in prisma/migrations.sha256. `prisma migrate dev` cannot be used here: its
// shadow-database replay fails on every driver adapter.
//
// npm run db:new-migration -- --record: records what the list lacks or has wrong for migrations
// not yet committed (one finished by hand, one made on another branch). A committed migration's
// checksum is never changed: a migration is not edited once made.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, migrationFilePaths, migrationFolders, readChecksums, sha256, writeChecksums } from "@/lib/db/migration-files";
import { prismaDiff } from "@/lib/db/prisma-diff";

function committed(file: string): boolean {
  try {
    execFileSync("git", ["cat-file", "-e", `HEAD:${file}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Records the migrations' files as they are, except committed ones already recorded; forgets uncommitted ones that are gone. */
function record(): { added: string[]; refused: string[] } {
  const checksums = readChecksums();
  for (const file of [...checksums.keys()]) if (!fs.existsSync(file) && !committed(file)) checksums.delete(file);
  const added: string[] = [];
  const refused: string[] = [];
  for (const file of migrationFolders().flatMap(migrationFilePaths)) {
    const hash = sha256(file);
    const known = checksums.get(file);
    if (known === hash) continue;
    if (known && committed(file)) {
      refused.push(file);
      continue;
    }
    checksums.set(file, hash);
    added.push(file);
  }
  writeChecksums(checksums);
  return { added, refused };
}

const name = process.argv[2];
if (name === "--record") {
  const { added, refused } = record();
  console.log(added.length ? `Recorded ${added.join(", ")}.` : "Nothing new to record.");
  if (refused.length) {
    console.error(`Changed after they were committed (not recorded; restore them and add a new migration): ${refused.join(", ")}`);
    process.exit(1);
  }
  process.exit(0);
}
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>   (or -- --record)");
  process.exit(2);
}
const root = path.resolve(MIGRATIONS_DIR);
fs.mkdirSync(root, { recursive: true });
const previous = migrationFolders().at(-1);
const sql = prismaDiff(previous ? path.join(root, previous, "schema.prisma") : null, path.join("prisma", "schema.prisma"));
if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/im.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
record();
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}/migration.sql and recorded it in prisma/migrations.sha256; the app applies it at its next start (or npm run db:migrate).\n` +
    "SQL added by hand (a data migration) goes after the generated part; then npm run db:new-migration -- --record.",
);
