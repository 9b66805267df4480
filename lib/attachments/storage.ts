// Stored files on disk, outside the database: <filesDir>/<kind>/<yyyy>/<uuid>, where kind is
// "evidence" (佐证材料), "summaries" (archived 月报) or "imports" (uploaded plan workbooks). The name a
// file is stored under is random (never the uploaded name), written to a temporary file and
// renamed into place, so a reader never sees half a file. The database row keeps its sha256.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { filesDir } from "@/lib/env";

export type StorageKind = "evidence" | "summaries" | "imports";

const STORAGE_KEY = /^(evidence|summaries|imports)\/(\d{4})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface StoredFile {
  storageKey: string;
  sha256: string;
  size: number;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

/** The file's path for a storage key; throws on anything but a key storeFile made (no traversal). */
export function storagePath(storageKey: string): string {
  const m = STORAGE_KEY.exec(storageKey);
  if (!m) throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}`);
  const root = path.join(/* turbopackIgnore: true */ filesDir, m[1] ?? "");
  const full = path.join(/* turbopackIgnore: true */ root, m[2] ?? "", m[3] ?? "");
  if (path.dirname(path.dirname(full)) !== root) throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}`);
  return full;
}

/** Writes the content under a new random key (temporary file, flushed, then renamed). */
export async function storeFile(buffer: Uint8Array, kind: StorageKind = "evidence"): Promise<StoredFile> {
  const storageKey = `${kind}/${new Date().getUTCFullYear()}/${randomUUID()}`;
  const target = storagePath(storageKey);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "wx", 0o640);
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { storageKey, sha256: sha256Hex(buffer), size: buffer.byteLength };
}

export async function readStoredFile(storageKey: string): Promise<Buffer<ArrayBuffer>> {
  return readFile(/* turbopackIgnore: true */ storagePath(storageKey));
}

/** Removes a stored file; one already gone is not an error. */
export async function removeStoredFile(storageKey: string): Promise<void> {
  try {
    await unlink(storagePath(storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

export type VerifiedRead = { ok: true; data: Buffer<ArrayBuffer> } | { ok: false; reason: "missing" | "size" | "sha256" };

/** Reads a stored file and checks it is still what was uploaded: the size, then the sha256. */
export async function readVerifiedFile(storageKey: string, expected: { size: number; sha256: string }): Promise<VerifiedRead> {
  let data: Buffer<ArrayBuffer>;
  try {
    data = await readStoredFile(storageKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, reason: "missing" };
    throw error;
  }
  if (data.byteLength !== expected.size) return { ok: false, reason: "size" };
  if (sha256Hex(data) !== expected.sha256) return { ok: false, reason: "sha256" };
  return { ok: true, data };
}
