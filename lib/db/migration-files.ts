// The committed migrations as files, and the checksum list that proves none changed after it was
// made (prisma/migrations.sha256, in `sha256sum` format: `sha256sum -c prisma/migrations.sha256`
// checks it too). Used by npm run db:new-migration and by the schema drift tests.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join("prisma", "migrations");
export const CHECKSUMS_FILE = path.join("prisma", "migrations.sha256");
/** Each migration folder holds its SQL and the schema it was made from. */
export const MIGRATION_FILES = ["migration.sql", "schema.prisma"] as const;

export function migrationFolders(root = process.cwd()): string[] {
  const dir = path.join(root, MIGRATIONS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

export const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** The recorded checksums: relative path (with /) → sha256. */
export function readChecksums(root = process.cwd()): Map<string, string> {
  const file = path.join(root, CHECKSUMS_FILE);
  const out = new Map<string, string>();
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^([0-9a-f]{64}) {2}(\S+)$/);
    if (m?.[1] && m[2]) out.set(m[2], m[1]);
  }
  return out;
}

export function writeChecksums(checksums: Map<string, string>, root = process.cwd()): void {
  const lines = [...checksums].sort(([a], [b]) => a.localeCompare(b)).map(([file, hash]) => `${hash}  ${file}`);
  fs.writeFileSync(path.join(root, CHECKSUMS_FILE), `${lines.join("\n")}\n`);
}

/** The files of one migration as the checksum list names them. */
export const migrationFilePaths = (folder: string) => MIGRATION_FILES.map((f) => path.posix.join("prisma", "migrations", folder, f));
