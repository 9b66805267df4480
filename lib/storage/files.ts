// The app's stored files (evidence, archived 月报, import uploads), in whichever store the
// environment chose (config.ts). A file is stored under a new random key with the SHA-256 and size
// counted as it streams through; it is read back only whole and only while it still has them.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir, env } from "@/lib/env";
import { fileMetrics } from "@/lib/ops/metrics";
import { storageConfig } from "./config";
import { countingStream } from "./digest";
import { createDiskStore } from "./disk";
import { isStorageKey, kindOf, newStorageKey, type StorageKind } from "./keys";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3";

export { isStorageKey, type StorageKind } from "./keys";

export interface StoredFile {
  storageKey: string;
  sha256: string;
  size: number;
}

const g = globalThis as typeof globalThis & { __dubanFileStore?: ObjectStore };

/** The store the environment names; throws StorageConfigError when it is not usable (see config.ts). */
export function storeFromEnv(): ObjectStore {
  const config = storageConfig(env, dataDir);
  return config.backend === "s3" ? createS3Store(config) : createDiskStore(config.dir);
}

export function fileStore(): ObjectStore {
  g.__dubanFileStore ??= storeFromEnv();
  return g.__dubanFileStore;
}

/** Tests and scripts: make `store` the one the app's code uses (undefined to go back to the environment's). */
export function installFileStore(store: ObjectStore | undefined): void {
  g.__dubanFileStore = store;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Streams the content into the store under a new key, counting its size and SHA-256 on the way. */
export async function storeFile(content: Uint8Array | Readable, kind: StorageKind = "evidence"): Promise<StoredFile> {
  const storageKey = newStorageKey(kind);
  const counter = countingStream();
  const counted = counter.stream;
  const source = content instanceof Readable ? content : Readable.from([Buffer.from(content.buffer, content.byteOffset, content.byteLength)]);
  const store = fileStore();
  // A failing source fails the put (the backend then keeps nothing), and a failing put stops the source.
  const piping = pipeline(source, counted);
  try {
    await Promise.all([store.put(storageKey, counted), piping]);
  } catch (error) {
    source.destroy();
    counted.destroy();
    throw error;
  }
  const { sha256, size } = counter.result();
  fileMetrics.stored(kind, store.backend, size);
  return { storageKey, sha256, size };
}

/** Removes a stored file; one already gone is not an error. */
export async function removeStoredFile(storageKey: string): Promise<void> {
  if (!isStorageKey(storageKey)) throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}`);
  await fileStore().remove(storageKey);
}

export type VerifiedRead = { ok: true; data: Buffer<ArrayBuffer> } | { ok: false; reason: "missing" | "size" | "sha256" };

/**
 * Reads a stored file and checks it is still what was stored: its size (when known, else no more
 * than maxBytes, read no further) and its SHA-256. Held whole, so that nothing unchecked is served.
 */
export async function readVerifiedFile(storageKey: string, expected: { sha256: string; size?: number; maxBytes?: number }): Promise<VerifiedRead> {
  if (!isStorageKey(storageKey)) throw new Error(`Invalid storage key ${JSON.stringify(storageKey)}`);
  const store = fileStore();
  const result = await readChecked(store, storageKey, expected);
  fileMetrics.served(kindOf(storageKey), store.backend, result.ok ? "ok" : result.reason);
  return result;
}

async function readChecked(store: ObjectStore, storageKey: string, expected: { sha256: string; size?: number; maxBytes?: number }): Promise<VerifiedRead> {
  const stream = await store.get(storageKey);
  if (!stream) return { ok: false, reason: "missing" };
  const limit = expected.size ?? expected.maxBytes ?? Number.POSITIVE_INFINITY;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > limit) return { ok: false, reason: "size" };
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  if (expected.size !== undefined && size !== expected.size) return { ok: false, reason: "size" };
  const data = Buffer.concat(chunks, size) as Buffer<ArrayBuffer>;
  if (sha256Hex(data) !== expected.sha256) return { ok: false, reason: "sha256" };
  return { ok: true, data };
}
