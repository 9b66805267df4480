import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readStoredFile, readVerifiedFile, removeStoredFile, sha256Hex, storagePath, storeFile } from "./storage";
import * as fixtures from "@/lib/testing/fixtures/files";

// lib/env reads DUBAN_FILES_DIR when first imported; vi.hoisted runs before the imports above.
const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-storage-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  await rm(FILES_DIR, { recursive: true, force: true });
});

describe("evidence storage", () => {
  it("stores content under a random key in <filesDir>/evidence/<year>/, with its sha256 and size, and no temporary file left", async () => {
    const content = fixtures.pdf("存储");
    const stored = await storeFile(content);
    expect(stored.storageKey).toMatch(new RegExp(`^evidence/${new Date().getUTCFullYear()}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`));
    expect(stored).toMatchObject({ size: content.byteLength, sha256: sha256Hex(content) });
    const full = storagePath(stored.storageKey);
    expect(full).toBe(path.join(path.resolve(FILES_DIR), ...stored.storageKey.split("/")));
    expect((await readFile(full)).equals(content)).toBe(true);
    expect((await readStoredFile(stored.storageKey)).equals(content)).toBe(true);
    expect(await readdir(path.dirname(full))).toEqual([path.basename(full)]);
    const second = await storeFile(content);
    expect(second.storageKey).not.toBe(stored.storageKey);
  });

  it.each([
    "../../etc/passwd",
    "evidence/2026/../../../etc/passwd",
    "evidence/../evidence/2026/00000000-0000-4000-8000-000000000000",
    "/etc/passwd",
    "evidence/2026/00000000-0000-4000-8000-000000000000/../x",
    "evidence\\2026\\00000000-0000-4000-8000-000000000000",
    "evidence/2026/not-a-uuid",
    "evidence/26/00000000-0000-4000-8000-000000000000",
    "",
  ])("refuses the storage key %j", async (key) => {
    expect(() => storagePath(key)).toThrow(/Invalid storage key/);
    await expect(readStoredFile(key)).rejects.toThrow(/Invalid storage key/);
    await expect(removeStoredFile(key)).rejects.toThrow(/Invalid storage key/);
  });

  it("removes a file, and treats one already gone as removed", async () => {
    const stored = await storeFile(fixtures.png());
    await removeStoredFile(stored.storageKey);
    expect(existsSync(storagePath(stored.storageKey))).toBe(false);
    await expect(removeStoredFile(stored.storageKey)).resolves.toBeUndefined();
  });

  it("reads a file back only while it is still what was stored", async () => {
    const content = fixtures.png(3);
    const stored = await storeFile(content);
    const verified = await readVerifiedFile(stored.storageKey, stored);
    expect(verified.ok && verified.data.equals(content)).toBe(true);

    const tampered = Buffer.from(content);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0xff, tampered.length - 1);
    await writeFile(storagePath(stored.storageKey), tampered);
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "sha256" });

    await writeFile(storagePath(stored.storageKey), content.subarray(0, 10));
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "size" });

    await removeStoredFile(stored.storageKey);
    expect(await readVerifiedFile(stored.storageKey, stored)).toEqual({ ok: false, reason: "missing" });
  });
});
