// Names of stored files. The app names every file it stores itself, <kind>/<yyyy>/<uuid> (never
// the uploaded name), and reads back only names of that form. A backend accepts any safe relative
// path, so that a backup can carry and restore whatever a store holds.
import { randomUUID } from "node:crypto";

export type StorageKind = "evidence" | "summaries" | "imports";

const STORAGE_KEY = /^(evidence|summaries|imports)\/\d{4}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key the app made: evidence (佐证材料), summaries (archived 月报) or imports (uploaded plan workbooks). */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

export function newStorageKey(kind: StorageKind, at = new Date()): string {
  return `${kind}/${at.getUTCFullYear()}/${randomUUID()}`;
}

// Controls, DEL and backslash: never in a name a backend should see.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** A relative, "/"-separated path with no empty, "." or ".." segment: the same object on disk and in a bucket. */
export function isSafeObjectPath(p: string): boolean {
  return p.length > 0 && p.length <= 1024 && !UNSAFE.test(p) && p.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

export function assertSafeObjectPath(p: string): void {
  if (!isSafeObjectPath(p)) throw new Error(`Invalid storage key ${JSON.stringify(p)}`);
}

/** The kind a key was stored as ("other" for a path the app did not name), for metrics. */
export function kindOf(key: string): StorageKind | "other" {
  const kind = key.slice(0, key.indexOf("/"));
  return kind === "evidence" || kind === "summaries" || kind === "imports" ? kind : "other";
}
