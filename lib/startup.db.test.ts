// Instances starting together on one empty PostgreSQL database (DUBAN_SEED_DEMO=1, as the browser
// tests run): the migrations and the demo plan are applied once, not once per instance. Only
// PostgreSQL: the embedded database has one owner process, which starts once.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { installDatabase, openDatabase, type Holder } from "@/lib/db";
import { createDiskStore } from "@/lib/storage/disk";
import { installFileStore } from "@/lib/storage/files";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startup } from "./startup";

// lib/env is read when first imported: vi.hoisted runs before the imports above.
const DATA = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-startup-test-"));
  Object.assign(process.env, { DUBAN_DATA_DIR: dir, DUBAN_SEED_DEMO: "1", DUBAN_DEMO_PASSWORD: "demo-pass-unit" });
  return dir;
});

describe("start-up of several instances on one empty PostgreSQL database", () => {
  let created: { name: string; url: string };
  let holder: Holder;
  let files: string;
  beforeAll(async () => {
    created = await createTestDatabase("duban_startup");
    holder = openDatabase({ kind: "postgres", url: created.url });
    installDatabase(holder);
    files = await mkdtemp(path.join(os.tmpdir(), "duban-startup-files-"));
    installFileStore(createDiskStore(files));
  });
  afterAll(async () => {
    installDatabase(undefined);
    installFileStore(undefined);
    await holder.prisma.$disconnect();
    await holder.connection.raw.close();
    await dropTestDatabase(created.name);
    await rm(files, { recursive: true, force: true });
    await rm(DATA, { recursive: true, force: true });
  });

  it("migrates once and loads the demo plan once, however many start at the same moment", async () => {
    const written = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    let banners: number;
    try {
      await Promise.all([startup(), startup(), startup()]);
      banners = written.mock.calls.filter(([text]) => String(text).includes("demo plan loaded")).length;
    } finally {
      written.mockRestore();
    }
    expect(banners).toBe(1);
    expect(await holder.prisma.plan.count()).toBe(1);
    expect(await holder.prisma.user.count({ where: { username: "lead1" } })).toBe(1);
    const [most] = await holder.prisma.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM "_prisma_migrations" GROUP BY migration_name ORDER BY count DESC LIMIT 1`,
    );
    expect(Number(most?.count)).toBe(1);
  });
});
