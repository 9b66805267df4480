// The stored files (evidence, archived summaries): everything under the files root, whatever its
// folders, except the temporary files an upload writes before renaming them into place.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export interface FileEntry {
  /** Relative to the files root, "/"-separated. */
  path: string;
  size: number;
  sha256: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** Every stored file with its size and sha256, sorted by path; an absent root holds none. */
export async function listStoredFiles(root: string): Promise<FileEntry[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: FileEntry[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.endsWith(".tmp")) continue;
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(root, full).split(path.sep).join("/");
    files.push({ path: rel, size: (await lstat(full)).size, sha256: await sha256File(full) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const resolveBelow = (root: string, relativePath: string) => path.join(root, ...relativePath.split("/"));

/** Whether the file is already at `target` with this content (true), absent (false), or different (throws). */
export async function alreadyInPlace(target: string, expected: FileEntry): Promise<boolean> {
  try {
    await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  if ((await sha256File(target)) !== expected.sha256) {
    throw new Error(`${target} already exists with other content; restore into an empty files folder.`);
  }
  return true;
}

/** Copies a file into place as storage does (temporary name, then rename), checking its sha256 there. */
export async function placeFile(source: string, target: string, expected: FileEntry): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await copyFile(source, temp);
    if ((await sha256File(temp)) !== expected.sha256) throw new Error(`${expected.path}: the copy does not match its sha256`);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
