// The stored files in a backup: everything the store holds (evidence, archived summaries, import
// uploads, whatever its folders), each with its size and sha256. A folder's files are read where
// they are; a bucket's objects are first copied into the staging folder, checked on the way.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { countingStream } from "@/lib/storage/digest";
import type { ObjectStore } from "@/lib/storage/object-store";

export interface FileEntry {
  /** Relative to the store's root, "/"-separated. */
  path: string;
  size: number;
  sha256: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** The sha256 and size of a stream, consumed whole. */
export async function sha256Stream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}

export const resolveBelow = (root: string, relativePath: string) => path.join(root, ...relativePath.split("/"));

const byPath = (a: FileEntry, b: FileEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Every object in the store with its size and sha256, sorted by path, and the local file the archive
 * takes it from. An object removed between the listing and the read is left out (it is gone).
 */
export async function collectStoredFiles(store: ObjectStore, stagingFiles: string): Promise<{ files: FileEntry[]; sources: Map<string, string> }> {
  const files: FileEntry[] = [];
  const sources = new Map<string, string>();
  for await (const object of store.list()) {
    const local = store.localPath?.(object.path);
    if (local) {
      const size = await stat(local).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) continue;
      files.push({ path: object.path, size, sha256: await sha256File(local) });
      sources.set(object.path, local);
      continue;
    }
    const body = await store.get(object.path);
    if (!body) continue;
    const target = resolveBelow(stagingFiles, object.path);
    await mkdir(path.dirname(target), { recursive: true });
    const counter = countingStream();
    await pipeline(body, counter.stream, createWriteStream(target, { flags: "wx" }));
    files.push({ path: object.path, ...counter.result() });
    sources.set(object.path, target);
  }
  files.sort(byPath);
  // In the archive in path order too.
  return { files, sources: new Map(files.map((f) => [f.path, sources.get(f.path) ?? ""])) };
}

/** Every object in the store with its size and sha256, read from the store itself (tests, checks). */
export async function inventory(store: ObjectStore): Promise<FileEntry[]> {
  const files: FileEntry[] = [];
  for await (const object of store.list()) {
    const body = await store.get(object.path);
    if (body) files.push({ path: object.path, ...(await sha256Stream(body)) });
  }
  return files.sort(byPath);
}

/** Whether the object is already in the store with this content (true), absent (false), or different (throws). */
export async function alreadyInPlace(store: ObjectStore, expected: FileEntry): Promise<boolean> {
  const body = await store.get(expected.path);
  if (!body) return false;
  if ((await sha256Stream(body)).sha256 !== expected.sha256) {
    throw new Error(`${expected.path} is already in ${store.location} with other content; restore into an empty store.`);
  }
  return true;
}

/** Puts a file from the unpacked archive into the store, then reads it back and checks its sha256 there. */
export async function placeFile(store: ObjectStore, source: string, expected: FileEntry): Promise<void> {
  await store.put(expected.path, createReadStream(source));
  const body = await store.get(expected.path);
  const back = body ? await sha256Stream(body) : null;
  if (back?.sha256 !== expected.sha256) throw new Error(`${expected.path}: the copy in ${store.location} does not match its sha256`);
}
