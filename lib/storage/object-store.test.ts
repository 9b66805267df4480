// The two storage backends against the same contract: a folder, and an S3-compatible bucket served
// by s3rver (a local S3 server from npm) on a free port.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestObjectServer, type TestObjectServer } from "@/lib/testing/s3";
import { createDiskStore } from "./disk";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3";

let s3: TestObjectServer;
let work: string;
beforeAll(async () => {
  s3 = await startTestObjectServer();
  work = await mkdtemp(path.join(os.tmpdir(), "duban-store-test-"));
});
afterAll(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

const freshDisk = async () => createDiskStore(await mkdtemp(path.join(work, "files-")));
const BACKENDS: [string, () => Promise<ObjectStore>][] = [
  ["disk", freshDisk],
  ["s3", () => Promise.resolve(s3.store())],
];

async function read(store: ObjectStore, key: string): Promise<Buffer | null> {
  const body = await store.get(key);
  if (!body) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function listed(store: ObjectStore) {
  const out: { path: string; size: number }[] = [];
  for await (const o of store.list()) out.push(o);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** A stream that yields some bytes and then fails, as an interrupted upload does. */
function failing(after: Buffer): Readable {
  return new Readable({
    read() {
      this.push(after);
      this.destroy(new Error("connection reset"));
    },
  });
}

describe.each(BACKENDS)("object store contract (%s)", (backend, make) => {
  let store: ObjectStore;
  beforeAll(async () => {
    store = await make();
  });

  it("reports which backend it is, and is ready", async () => {
    expect(store.backend).toBe(backend);
    await expect(store.check()).resolves.toBeUndefined();
  });

  it("gives back exactly what was put, small and in several parts (8 MiB), and lists each with its size", async () => {
    const small = Buffer.from("三月佐证 evidence");
    const large = randomBytes(8 * 1024 * 1024 + 123);
    await store.put("evidence/2018/small", Readable.from([small]));
    // In 64 KiB chunks, as a stream arrives from the network.
    const chunks = Array.from({ length: Math.ceil(large.length / 65536) }, (_, i) => large.subarray(i * 65536, (i + 1) * 65536));
    await store.put("summaries/2018/large", Readable.from(chunks));
    expect((await read(store, "evidence/2018/small"))?.equals(small)).toBe(true);
    expect((await read(store, "summaries/2018/large"))?.equals(large)).toBe(true);
    expect(await listed(store)).toEqual([
      { path: "evidence/2018/small", size: small.length },
      { path: "summaries/2018/large", size: large.length },
    ]);
  });

  it("replaces an object whole", async () => {
    await store.put("imports/2018/x", Readable.from([Buffer.from("first version, longer")]));
    await store.put("imports/2018/x", Readable.from([Buffer.from("second")]));
    expect((await read(store, "imports/2018/x"))?.toString()).toBe("second");
  });

  it("answers null for an object it does not have, and removes idempotently", async () => {
    expect(await store.get("evidence/2018/never")).toBeNull();
    await store.put("evidence/2018/gone", Readable.from([Buffer.from("x")]));
    await store.remove("evidence/2018/gone");
    expect(await store.get("evidence/2018/gone")).toBeNull();
    await expect(store.remove("evidence/2018/gone")).resolves.toBeUndefined();
  });

  it("keeps nothing of an upload whose stream fails midway", async () => {
    await expect(store.put("evidence/2018/interrupted", failing(randomBytes(1024)))).rejects.toThrow(/connection reset/);
    expect(await store.get("evidence/2018/interrupted")).toBeNull();
    expect((await listed(store)).map((o) => o.path)).not.toContain("evidence/2018/interrupted");
  });

  it.each(["../etc/passwd", "evidence/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "a/b\u0000c", ""])("refuses the path %j", async (bad) => {
    await expect(store.put(bad, Readable.from([Buffer.from("x")]))).rejects.toThrow(/Invalid storage key/);
    await expect(store.get(bad)).rejects.toThrow(/Invalid storage key/);
    await expect(store.remove(bad)).rejects.toThrow(/Invalid storage key/);
  });
});

describe("the folder backend", () => {
  it("writes through .incoming, and lists neither its leftovers nor an older version's *.tmp files", async () => {
    const store = await freshDisk();
    await store.put("evidence/2018/a", Readable.from([Buffer.from("a")]));
    expect(await readdir(path.join(store.location, ".incoming"))).toEqual([]);
    await writeFile(path.join(store.location, ".incoming", "crashed.tmp"), "half");
    await mkdir(path.join(store.location, "evidence", "2017"), { recursive: true });
    await writeFile(path.join(store.location, "evidence", "2017", "b.1a2b3c.tmp"), "half");
    expect(await listed(store)).toEqual([{ path: "evidence/2018/a", size: 1 }]);
    await expect(store.get(".incoming/crashed.tmp")).rejects.toThrow(/Invalid storage key/);
    expect(store.localPath?.("evidence/2018/a")).toBe(path.join(store.location, "evidence", "2018", "a"));
  });

  it("lists nothing for a folder not made yet, and makes it when checked", async () => {
    const store = createDiskStore(path.join(work, "not-yet"));
    expect(await listed(store)).toEqual([]);
    await store.check();
    expect(await readdir(path.join(work, "not-yet"))).toEqual([]);
  });

  it("is not ready when the folder cannot be made", async () => {
    await writeFile(path.join(work, "a-file"), "x");
    await expect(createDiskStore(path.join(work, "a-file", "files")).check()).rejects.toThrow();
  });
});

describe("the S3 backend", () => {
  it("keeps every object under its prefix, so stores sharing a bucket do not see each other", async () => {
    const a = s3.store();
    const b = s3.store();
    await a.put("evidence/2018/one", Readable.from([Buffer.from("1")]));
    expect(await listed(b)).toEqual([]);
    expect(await b.get("evidence/2018/one")).toBeNull();
    const whole = createS3Store(s3.config(""));
    const all = [];
    for await (const o of whole.list()) all.push(o.path);
    expect(all.filter((p) => p.endsWith("/evidence/2018/one"))).toHaveLength(1);
  });

  it("is not ready when the bucket does not exist or the server does not answer", async () => {
    await expect(createS3Store({ ...s3.config(""), bucket: "no-such-bucket" }).check()).rejects.toThrow();
    const closed = await startTestObjectServer();
    const config = closed.config("");
    await closed.close();
    await expect(createS3Store(config).check()).rejects.toThrow();
  });
});
