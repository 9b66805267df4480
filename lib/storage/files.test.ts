// The app's stored files on both backends: stored under a new random key with the SHA-256 and size
// counted as the content streams through, read back only while they are still what was stored.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdf, png } from "@/lib/testing/fixtures/files";
import { startTestObjectServer, type TestObjectServer } from "@/lib/testing/s3";
import { storedBytes, overwriteStored, storedPaths } from "@/lib/testing/storage";
import { createDiskStore } from "./disk";
import { fileStore, installFileStore, readVerifiedFile, removeStoredFile, sha256Hex, storeFile } from "./files";
import type { ObjectStore } from "./object-store";

let s3: TestObjectServer;
let work: string;
beforeAll(async () => {
  s3 = await startTestObjectServer();
  work = await mkdtemp(path.join(os.tmpdir(), "duban-files-test-"));
});
afterAll(async () => {
  installFileStore(undefined);
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

const BACKENDS: [string, () => Promise<ObjectStore>][] = [
  ["disk", async () => createDiskStore(await mkdtemp(path.join(work, "files-")))],
  ["s3", () => Promise.resolve(s3.store())],
];

describe.each(BACKENDS)("stored files (%s)", (backend, make) => {
  beforeAll(async () => {
    installFileStore(await make());
  });

  it("stores content under a new random key <kind>/<year>/<uuid>, with its sha256 and size", async () => {
    expect(fileStore().backend).toBe(backend);
    const content = pdf("存储");
    const stored = await storeFile(content);
    expect(stored.storageKey).toMatch(new RegExp(`^evidence/${new Date().getUTCFullYear()}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`));
    expect(stored).toMatchObject({ size: content.byteLength, sha256: sha256Hex(content) });
    expect((await storedBytes(stored.storageKey))?.equals(content)).toBe(true);
    const again = await storeFile(content, "summaries");
    expect(again.storageKey).toMatch(/^summaries\//);
    expect(again.storageKey).not.toBe(stored.storageKey);
  });

  it("counts the size and sha256 of a stream as it is stored", async () => {
    const parts = [Buffer.from("第一部分"), Buffer.alloc(200_000, 1), Buffer.from("end")];
    const whole = Buffer.concat(parts);
    const stored = await storeFile(Readable.from(parts), "imports");
    expect(stored).toMatchObject({ size: whole.byteLength, sha256: sha256Hex(whole) });
    expect((await storedBytes(stored.storageKey))?.equals(whole)).toBe(true);
  });

  it("reads a file back only while it is still what was stored", async () => {
    const content = png(3);
    const stored = await storeFile(content);
    const verified = await readVerifiedFile(stored.storageKey, stored);
    expect(verified.ok && verified.data.equals(content)).toBe(true);

    const tampered = Buffer.from(content);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0xff, tampered.length - 1);
    await overwriteStored(stored.storageKey, tampered);
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "sha256" });

    await overwriteStored(stored.storageKey, content.subarray(0, 10));
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "size" });
    await overwriteStored(stored.storageKey, Buffer.concat([content, Buffer.from("more")]));
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "size" });

    await removeStoredFile(stored.storageKey);
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "missing" });
    await expect(removeStoredFile(stored.storageKey)).resolves.toBeUndefined();
  });

  it("reads a file of unknown size no further than a limit", async () => {
    const content = Buffer.alloc(50_000, 7);
    const stored = await storeFile(content, "imports");
    expect(await readVerifiedFile(stored.storageKey, { sha256: stored.sha256, maxBytes: 50_000 })).toMatchObject({ ok: true });
    expect(await readVerifiedFile(stored.storageKey, { sha256: stored.sha256, maxBytes: 49_999 })).toEqual({ ok: false, reason: "size" });
  });

  it.each([
    "../../etc/passwd",
    "evidence/2026/../../../etc/passwd",
    "evidence/2026/not-a-uuid",
    "evidence/26/00000000-0000-4000-8000-000000000000",
    "other/2026/00000000-0000-4000-8000-000000000000",
    "",
  ])("refuses to read or remove %j, which the app never made", async (key) => {
    await expect(readVerifiedFile(key, { sha256: "0".repeat(64) })).rejects.toThrow(/Invalid storage key/);
    await expect(removeStoredFile(key)).rejects.toThrow(/Invalid storage key/);
  });

  it("leaves nothing behind from a stream that fails", async () => {
    const before = await storedPaths();
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storeFile(broken)).rejects.toThrow(/client went away/);
    expect(await storedPaths()).toEqual(before);
  });
});
