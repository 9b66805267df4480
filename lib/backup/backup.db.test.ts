// The restore drill, on both databases and both stores: the demo plan plus an uploaded evidence file
// is backed up from the embedded database with a folder and from PostgreSQL with an S3 bucket
// (s3rver), restored into a fresh database and store of each pairing, and the copy must be the same
// table for table, file for file, with an intact audit chain that keeps growing. Refusals: a
// database with rows, a store holding other content, a tampered archive, a backup from a newer
// version, and an incomplete backup (a file the database names was missing when it was made).
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadAttachment } from "@/lib/attachments/mutations";
import { pdf } from "@/lib/testing/fixtures/files";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openDatabase, type Db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { createDiskStore } from "@/lib/storage/disk";
import { installFileStore } from "@/lib/storage/files";
import type { ObjectStore } from "@/lib/storage/object-store";
import { openTestDatabase, type DbKind, type TestDatabase } from "@/lib/testing/db";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/postgres";
import { startTestObjectServer, type TestObjectServer } from "@/lib/testing/s3";
import { sessionUser } from "@/lib/testing/users";
import { loadDemo } from "@/prisma/seed/demo";
import { extractArchive } from "./archive";
import { backup, type BackupResult, type DatabaseHandle } from "./dump";
import { inventory } from "./files";
import { restore } from "./restore";
import { appliedMigrations, appTables, sortKeys, tableJson, type Query } from "./tables";

let WORK: string;
let s3: TestObjectServer;
beforeAll(async () => {
  WORK = await mkdtemp(path.join(os.tmpdir(), "duban-backup-test-"));
  s3 = await startTestObjectServer();
});
afterAll(async () => {
  installFileStore(undefined);
  await s3.close();
  await rm(WORK, { recursive: true, force: true });
});

type StoreKind = "disk" | "s3";
/** An empty store of the kind: a new folder, or a new prefix in the test bucket. */
async function freshStore(kind: StoreKind): Promise<ObjectStore> {
  return kind === "s3" ? s3.store() : createDiskStore(path.join(await mkdtemp(path.join(WORK, "files-")), "files"));
}

/** The pairings that run in production: the embedded database with a folder, PostgreSQL with a bucket. */
const SETUPS: { db: DbKind; store: StoreKind }[] = [
  { db: "embedded", store: "disk" },
  { db: "postgres", store: "s3" },
];

interface EmptyDatabase extends DatabaseHandle {
  close(): Promise<void>;
}

/** A database with nothing in it, not even migrations: what an operator restores into. */
async function openEmptyDatabase(kind: DbKind): Promise<EmptyDatabase> {
  const created = kind === "postgres" ? await createTestDatabase("duban_restore") : null;
  const h = openDatabase(created ? { kind: "postgres", url: created.url } : { kind: "embedded", dir: "memory" });
  return {
    prisma: h.prisma,
    raw: h.connection.raw,
    async close() {
      await h.prisma.$disconnect();
      await h.connection.raw.close();
      if (created) await dropTestDatabase(created.name);
    },
  };
}

const handle = (t: TestDatabase): DatabaseHandle => ({ prisma: t.prisma, raw: t.connection.raw });

const query =
  (prisma: Db): Query =>
  <T>(sql: string, ...params: unknown[]) =>
    prisma.$queryRawUnsafe<T[]>(sql, ...params);

/** Every app table as the database's JSON text, in primary-key order. */
async function contents(prisma: Db): Promise<Record<string, string>> {
  const q = query(prisma);
  const keys = await sortKeys(q);
  const out: Record<string, string> = {};
  for (const table of await appTables(q)) out[table] = (await tableJson(q, table, keys)).json;
  return out;
}

const scratch = (prefix: string) => mkdtemp(path.join(WORK, prefix));

/** A copy of the archive with `edit` applied to its unpacked contents. */
async function repack(archive: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await scratch("repack-");
  await extractArchive(archive, dir);
  await edit(dir);
  const out = `${dir}.tar.gz`;
  await tar.c({ file: out, gzip: true, cwd: dir }, await readdir(dir));
  return out;
}

describe.each(SETUPS)("backup and restore drill ($db database, $store store)", ({ db: kind, store: storeKind }) => {
  let source: TestDatabase;
  let sourceStore: ObjectStore;
  let made: BackupResult;
  let evidence: Buffer;
  let storageKey: string;
  const summaryFile = "summaries/2018/03/shendang-2018-03.docx";

  beforeAll(async () => {
    sourceStore = await freshStore(storeKind);
    installFileStore(sourceStore);
    source = await openTestDatabase(kind);
    await loadDemo(source.prisma, { password: "demo-pass-unit" });
    const lead = await sessionUser("lead1");
    const campaign = await source.prisma.campaign.findFirstOrThrow({ where: { number: 1 } });
    const draft = await source.prisma.progressReport.create({ data: { campaignId: campaign.id, year: 2018, month: 4, createdById: lead.id } });
    evidence = pdf("四月佐证");
    const uploaded = await uploadAttachment(lead, draft.id, new File([new Uint8Array(evidence)], "四月佐证.pdf", { type: "application/pdf" }));
    if (!uploaded.ok) throw new Error(`upload refused: ${JSON.stringify(uploaded)}`);
    storageKey = (await source.prisma.attachment.findFirstOrThrow()).storageKey;
    // Whatever else the store holds, under any path, the backup carries too.
    await sourceStore.put(summaryFile, Readable.from([Buffer.from("月报 2018年3月")]));
    made = await backup(handle(source), { out: path.join(await scratch("out-"), "nested", "duban.tar.gz"), store: sourceStore });
  });
  // The refusals share one empty database: each asserts it is left untouched (a refusal that did
  // touch it fails there, and loudly in the ones after), and opening an embedded one costs seconds.
  let empty: EmptyDatabase | undefined;
  const emptyTarget = async () => (empty ??= await openEmptyDatabase(kind));
  afterAll(async () => {
    await empty?.close();
    await source.close();
  });

  it("writes a manifest with the migrations, every table's row count and every stored file", async () => {
    const { manifest } = made;
    expect(manifest).toMatchObject({ format: "duban-backup", formatVersion: 1, database: kind, appVersion: "0.1.0" });
    expect(manifest.migrations).toEqual(readMigrations().map((m) => m.name));
    expect(manifest.tables.map((t) => t.name)).toEqual(await appTables(query(source.prisma)));
    expect(manifest.tables.find((t) => t.name === "AuditRecord")?.rows).toBe(await source.prisma.auditRecord.count());
    expect(manifest.tables.find((t) => t.name === "IndicatorValue")?.rows).toBe(await source.prisma.indicatorValue.count());
    expect(manifest.tables.find((t) => t.name === "Attachment")?.rows).toBe(1);
    expect(manifest.tables.some((t) => t.name === "_prisma_migrations")).toBe(false);
    const attachment = await source.prisma.attachment.findFirstOrThrow();
    expect(manifest.files.map((f) => f.path)).toEqual([storageKey, summaryFile].sort());
    expect(manifest.files.find((f) => f.path === storageKey)).toEqual({ path: storageKey, size: attachment.size, sha256: attachment.sha256 });
    expect(made.missingFiles).toEqual([]);
    expect(made.store).toBe(`${storeKind} ${sourceStore.location}`);
    expect(made.bytes).toBeGreaterThan(1000);
  });

  it.each(SETUPS)("restores into a fresh $db database and $store store: the same tables, files and audit chain", async (setup) => {
    const target = await openEmptyDatabase(setup.db);
    const targetStore = await freshStore(setup.store);
    try {
      const result = await restore(target, made.file, { store: targetStore });
      const auditCount = await source.prisma.auditRecord.count();
      expect(result.audit).toEqual({ checked: auditCount, broken: null });
      expect(result.migrationsApplied).toEqual(made.manifest.migrations);
      expect(result.filesCopied).toBe(2);
      expect(await appliedMigrations(query(target.prisma))).toEqual(made.manifest.migrations);

      // Table for table, the same text from both databases: every id, Decimal, date and JSON value.
      const expected = await contents(source.prisma);
      const actual = await contents(target.prisma);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const table of Object.keys(expected)) expect(actual[table], table).toBe(expected[table]);
      // And through the app's own client, independently of the JSON the backup uses.
      expect(await target.prisma.auditRecord.findMany({ orderBy: { id: "asc" } })).toEqual(
        await source.prisma.auditRecord.findMany({ orderBy: { id: "asc" } }),
      );
      const indicators = (db: Db) => db.indicator.findMany({ orderBy: { id: "asc" }, select: { id: true, baselineValue: true, targetValue: true } });
      const asText = (rows: Awaited<ReturnType<typeof indicators>>) => rows.map((r) => [r.id, r.baselineValue?.toFixed(4), r.targetValue?.toFixed(4)]);
      expect(asText(await indicators(target.prisma))).toEqual(asText(await indicators(source.prisma)));
      expect(await target.prisma.user.count()).toBe(await source.prisma.user.count());

      expect(await inventory(targetStore)).toEqual(await inventory(sourceStore));
      expect(await inventory(targetStore)).toContainEqual({
        path: storageKey,
        size: evidence.byteLength,
        sha256: made.manifest.files.find((f) => f.path === storageKey)?.sha256,
      });

      // Restoring again into the same store finds every file already in place.
      const again = await openEmptyDatabase(setup.db);
      try {
        expect((await restore(again, made.file, { store: targetStore })).filesCopied).toBe(0);
      } finally {
        await again.close();
      }

      // The id sequence was reset: the next record follows on and the chain still verifies.
      await target.prisma.$transaction((tx) => audit(tx, { actor: SYSTEM_ACTOR, action: "backup.restored", entityType: "Backup", entityId: "drill" }));
      const last = await target.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
      const previousMax = (await source.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      expect(last.id).toBe(previousMax + BigInt(1));
      expect(await verifyAuditChain(target.prisma)).toEqual({ checked: auditCount + 1, broken: null });
    } finally {
      await target.close();
    }
  });

  it("refuses to restore into a database that has rows, and changes nothing", async () => {
    const before = await contents(source.prisma);
    const filesBefore = await inventory(sourceStore);
    await expect(restore(handle(source), made.file, { store: sourceStore })).rejects.toThrow(/empty database.*Nothing was changed/);
    expect(await contents(source.prisma)).toEqual(before);
    expect(await inventory(sourceStore)).toEqual(filesBefore);
  });

  it("refuses to restore into a store that holds other content under a file's name", async () => {
    const target = await emptyTarget();
    const targetStore = await freshStore(storeKind);
    await targetStore.put(storageKey, Readable.from([Buffer.from("another file")]));
    await expect(restore(target, made.file, { store: targetStore })).rejects.toThrow(/already in .* with other content/);
    expect(await appTables(query(target.prisma))).toEqual([]);
    expect(await appliedMigrations(query(target.prisma))).toEqual([]);
  });

  async function expectRefusedUntouched(archive: string, message: RegExp) {
    const target = await emptyTarget();
    const targetStore = await freshStore(storeKind);
    await expect(restore(target, archive, { store: targetStore })).rejects.toThrow(message);
    expect(await appTables(query(target.prisma))).toEqual([]);
    expect(await appliedMigrations(query(target.prisma))).toEqual([]);
    expect(await inventory(targetStore)).toEqual([]);
  }

  it("refuses a tampered archive (one table file edited) before touching the database", async () => {
    const tampered = await repack(made.file, async (dir) => {
      const file = path.join(dir, "tables", "Plan.json");
      const text = await readFile(file, "utf8");
      expect(text).toContain("十大战役");
      await writeFile(file, text.replace("十大战役", "九大战役"));
    });
    await expectRefusedUntouched(tampered, /Plan\.json does not match its sha256/);
  });

  it("refuses a tampered stored file", async () => {
    const tampered = await repack(made.file, async (dir) => {
      await writeFile(path.join(dir, "files", ...storageKey.split("/")), pdf("改过的佐证"));
    });
    await expectRefusedUntouched(tampered, /files\/evidence\/.* does not match its sha256/);
  });

  it("refuses a backup from a newer version (a migration this code does not know)", async () => {
    const newer = await repack(made.file, async (dir) => {
      const file = path.join(dir, "manifest.json");
      const manifest = JSON.parse(await readFile(file, "utf8")) as { migrations: string[] };
      manifest.migrations.push("29991231000000_from_the_future");
      await writeFile(file, JSON.stringify(manifest));
    });
    await expectRefusedUntouched(newer, /newer version of Duban.*29991231000000_from_the_future/);
  });

  it("names the files missing from the store, and restore refuses such an incomplete backup", async () => {
    const evidenceBytes = await readBack(sourceStore, storageKey);
    await sourceStore.remove(storageKey);
    try {
      const incomplete = await backup(handle(source), { out: path.join(await scratch("incomplete-"), "duban.tar.gz"), store: sourceStore });
      expect(incomplete.missingFiles).toEqual([storageKey]);
      expect(incomplete.manifest.files.map((f) => f.path)).toEqual([summaryFile]);
      await expectRefusedUntouched(incomplete.file, new RegExp(`backup is incomplete: 1 stored file.*Attachment ${storageKey}.*Nothing was changed`));
    } finally {
      await sourceStore.put(storageKey, Readable.from([evidenceBytes]));
    }
  });

  it("refuses an archive whose rows name a file it does not carry (made by hand, or by an older version)", async () => {
    const stripped = await repack(made.file, async (dir) => {
      await rm(path.join(dir, "files", ...storageKey.split("/")));
      const file = path.join(dir, "manifest.json");
      const manifest = JSON.parse(await readFile(file, "utf8")) as { files: { path: string }[] };
      manifest.files = manifest.files.filter((f) => f.path !== storageKey);
      await writeFile(file, JSON.stringify(manifest));
    });
    await expectRefusedUntouched(stripped, /backup is incomplete/);
  });
});

async function readBack(store: ObjectStore, key: string): Promise<Buffer> {
  const body = await store.get(key);
  if (!body) throw new Error(`${key} is not in the store`);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
