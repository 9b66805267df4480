// Tests look at and tamper with stored files through the store itself, so the same test holds for
// a folder and for a bucket.
import { Readable } from "node:stream";
import { fileStore } from "@/lib/storage/files";

export async function storedBytes(key: string): Promise<Buffer | null> {
  const stream = await fileStore().get(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function isStored(key: string): Promise<boolean> {
  return (await storedBytes(key)) !== null;
}

/** Replaces a stored object's content behind the app's back (damage, a bad disk, an operator's mistake). */
export async function overwriteStored(key: string, data: Uint8Array): Promise<void> {
  await fileStore().put(key, Readable.from([Buffer.from(data)]));
}

/** Every path the store holds, sorted. */
export async function storedPaths(prefix = ""): Promise<string[]> {
  const paths: string[] = [];
  for await (const o of fileStore().list()) if (o.path.startsWith(prefix)) paths.push(o.path);
  return paths.sort();
}
