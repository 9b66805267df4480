// What a storage backend does: keep whole objects under a path, hand them back as streams, list
// them for a backup. Two backends: a folder (disk.ts) and an S3-compatible bucket (s3.ts).
import type { Readable } from "node:stream";

export interface StoredObject {
  /** Relative to the store's root (or the bucket's prefix), "/"-separated. */
  path: string;
  size: number;
}

export interface ObjectStore {
  /** "disk" or "s3", for logs, metrics and messages. */
  readonly backend: "disk" | "s3";
  /** Where the objects are, for an operator (no secrets). */
  readonly location: string;
  /** Writes the whole stream under path; a reader sees the old object, none, or the whole new one, never part. */
  put(path: string, body: Readable): Promise<void>;
  /** The object's content, or null when there is none under that path. */
  get(path: string): Promise<Readable | null>;
  /** Removes the object; one already gone is not an error. */
  remove(path: string): Promise<void>;
  /** Every object, in no particular order. */
  list(): AsyncIterable<StoredObject>;
  /** Throws unless the store can be reached now (readiness). */
  check(): Promise<void>;
  /** A folder backend: the object's file, which a backup can read where it is instead of copying it. */
  localPath?(path: string): string;
}
