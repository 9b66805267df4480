// The restore drill, on both databases: the demo plan plus an uploaded evidence file is backed up,
// restored into a fresh database of the same kind and of the other kind, and the copy must be the
// same table for table, file for file, with an intact audit chain that keeps growing. Refusals:
// a database with rows, a tampered archive, a backup from a newer version.
// lib/env reads DUBAN_FILES_DIR once, when first imported: vi.hoisted runs before the imports.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { uploadAttachment } from "@/lib/attachments/mutations";
import { pdf } from "@/lib/testing/fixtures/files";
import { audit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { BOTH_DB_KINDS, freshDatabase, openTestDatabase, type DbKind, type TestDatabase } from "@/lib/testing/db";
import { sessionUser } from "@/lib/testing/users";
import { extractArchive } from "./archive";
import { backup, type BackupResult, type DatabaseHandle } from "./dump";
import { listStoredFiles } from "./files";
import { restore } from "./restore";
import { appliedMigrations, appTables, sortKeys, tableJson, type Query } from "./tables";

const WORK = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-backup-test-"));
  process.env.DUBAN_FILES_DIR = join(dir, "files");
  return dir;
});
const SOURCE_FILES = path.join(WORK, "files");

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
});

/** A database with nothing in it, not even migrations: what an operator restores into. */
const openEmptyDatabase = (kind: DbKind) => freshDatabase(kind, "bare").then((t) => ({ prisma: t.prisma, raw: t.connection.raw, close: t.close }));

const handle = (t: TestDatabase): DatabaseHandle => ({ prisma: t.prisma, raw: t.connection.raw });

const query = (prisma: Db): Query => <T>(sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params);

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

// Also on the embedded database: a backup of either kind restores into the other.
describe.each(BOTH_DB_KINDS)("backup and restore drill (%s)", (kind) => {
  const otherKind: DbKind = kind === "embedded" ? "postgres" : "embedded";
  let source: TestDatabase;
  let made: BackupResult;
  let evidence: Buffer;
  let storageKey: string;
  const summaryFile = "summaries/2018/03/shendang-2018-03.docx";

  beforeAll(async () => {
    await rm(SOURCE_FILES, { recursive: true, force: true });
    source = await openTestDatabase(kind, "demo");
    const lead = await sessionUser("lead1");
    const campaign = await source.prisma.campaign.findFirstOrThrow({ where: { number: 1 } });
    const draft = await source.prisma.progressReport.create({ data: { campaignId: campaign.id, year: 2018, month: 4, createdById: lead.id } });
    evidence = pdf("四月佐证");
    const uploaded = await uploadAttachment(lead, draft.id, new File([new Uint8Array(evidence)], "四月佐证.pdf", { type: "application/pdf" }));
    if (!uploaded.ok) throw new Error(`upload refused: ${JSON.stringify(uploaded)}`);
    storageKey = (await source.prisma.attachment.findFirstOrThrow()).storageKey;
    // An archived 月报 lives in its own folder under the same root: the backup carries every folder.
    const summaryPath = path.join(SOURCE_FILES, ...summaryFile.split("/"));
    await mkdir(path.dirname(summaryPath), { recursive: true });
    await writeFile(summaryPath, "月报 2018年3月");
    made = await backup(handle(source), { out: path.join(await scratch("out-"), "nested", "duban.tar.gz"), filesRoot: SOURCE_FILES });
  });
  afterAll(() => source.close());

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
    expect(made.bytes).toBeGreaterThan(1000);
  });

  it.each([kind, otherKind])("restores into a fresh %s database: the same tables, files and audit chain", async (targetKind) => {
    const target = await openEmptyDatabase(targetKind);
    const filesRoot = path.join(await scratch("restored-"), "files");
    try {
      const result = await restore(target, made.file, { filesRoot });
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
      expect(await target.prisma.auditRecord.findMany({ orderBy: { id: "asc" } })).toEqual(await source.prisma.auditRecord.findMany({ orderBy: { id: "asc" } }));
      const indicators = (db: Db) => db.indicator.findMany({ orderBy: { id: "asc" }, select: { id: true, baselineValue: true, targetValue: true } });
      const asText = (rows: Awaited<ReturnType<typeof indicators>>) => rows.map((r) => [r.id, r.baselineValue?.toFixed(4), r.targetValue?.toFixed(4)]);
      expect(asText(await indicators(target.prisma))).toEqual(asText(await indicators(source.prisma)));
      expect(await target.prisma.user.count()).toBe(await source.prisma.user.count());

      expect(await listStoredFiles(filesRoot)).toEqual(await listStoredFiles(SOURCE_FILES));
      expect((await readFile(path.join(filesRoot, ...storageKey.split("/")))).equals(evidence)).toBe(true);

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
    const filesBefore = await listStoredFiles(SOURCE_FILES);
    await expect(restore(handle(source), made.file, { filesRoot: SOURCE_FILES })).rejects.toThrow(/empty database.*Nothing was changed/);
    expect(await contents(source.prisma)).toEqual(before);
    expect(await listStoredFiles(SOURCE_FILES)).toEqual(filesBefore);
  });

  async function expectRefusedUntouched(archive: string, message: RegExp) {
    const target = await openEmptyDatabase(kind);
    const filesRoot = path.join(await scratch("refused-"), "files");
    try {
      await expect(restore(target, archive, { filesRoot })).rejects.toThrow(message);
      expect(await appTables(query(target.prisma))).toEqual([]);
      expect(await appliedMigrations(query(target.prisma))).toEqual([]);
      expect(await listStoredFiles(filesRoot)).toEqual([]);
    } finally {
      await target.close();
    }
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
});
