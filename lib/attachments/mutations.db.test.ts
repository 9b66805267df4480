// Evidence uploads on both databases. lib/env reads DUBAN_FILES_DIR once, when first imported:
// vi.hoisted runs before the imports below, so the files go to a fresh temporary folder.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { fileStore } from "@/lib/storage/files";
import { DB_KINDS, useTestDatabase } from "@/lib/testing/db";
import { isStored, storedBytes } from "@/lib/testing/storage";
import { sessionUser } from "@/lib/testing/users";
import { deleteAttachment, detectFileType, findDownloadableAttachment, uploadAttachment } from "./mutations";
import { MAX_FILE_BYTES, MAX_FILES_PER_REPORT } from "./rules";
import * as fixtures from "@/lib/testing/fixtures/files";

const FILES_DIR = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = await mkdtemp(join(tmpdir(), "duban-evidence-test-"));
  process.env.DUBAN_FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  await rm(FILES_DIR, { recursive: true, force: true });
});

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const file = (content: Buffer, name: string, type = "application/octet-stream") => new File([new Uint8Array(content)], name, { type });
const pngFile = (name: string, seed = 0) => file(fixtures.png(seed), name, "image/png");

/** Every file in the files folder, temporary ones included, relative to it. */
async function filesOnDisk(): Promise<string[]> {
  if (!existsSync(FILES_DIR)) return [];
  const entries = await readdir(FILES_DIR, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(FILES_DIR, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

it("stores files in the folder DUBAN_FILES_DIR names, set before lib/env was read", () => {
  expect(fileStore()).toMatchObject({ backend: "disk", location: path.resolve(FILES_DIR) });
});

describe("detectFileType", () => {
  it("recognises Office packages as Office writes them (deflated)", async () => {
    expect((await detectFileType(fixtures.ooxml("docx", { deflate: true })))?.ext).toBe("docx");
    expect((await detectFileType(fixtures.ooxml("xlsx", { deflate: true })))?.ext).toBe("xlsx");
    expect((await detectFileType(fixtures.ooxml("pptx")))?.ext).toBe("pptx");
  });

  it("does not inflate a zip bomb: refused as an unknown type, at once", async () => {
    const bomb = fixtures.zipBomb();
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const started = performance.now();
    expect(await detectFileType(bomb)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("answers undefined, not an error, for a corrupt package", async () => {
    const broken = fixtures.ooxml("docx", { deflate: true });
    broken.fill(0xff, 60, 120);
    await expect(detectFileType(broken)).resolves.not.toMatchObject({ ext: "docx" });
  });
});

describe.each(DB_KINDS)("evidence files (%s)", (kind) => {
  const t = useTestDatabase(kind, "demo");
  beforeAll(async () => {
    // A second town with its own people, who must not see the first town's evidence.
    const county = await t.prisma.organization.findUniqueOrThrow({ where: { code: "haiyan" } });
    const town2 = await t.prisma.organization.create({ data: { kind: "TOWN", code: "town2", name: "通元镇", parentId: county.id } });
    for (const [username, role] of [
      ["town2lead", "LEAD"],
      ["town2viewer", "VIEWER"],
      ["town2admin", "ADMIN"],
    ] as const) {
      await t.prisma.user.create({ data: { username, name: username, passwordHash: "-", orgId: town2.id, roles: { create: { role, orgId: town2.id } } } });
    }
  });

  async function campaignId(number: number) {
    return (await t.prisma.campaign.findFirstOrThrow({ where: { number, plan: { org: { code: "shendang" } } } })).id;
  }

  /** A report of April 2018 (the demo has January to March), made as the lead would have. */
  async function report(number: number, lead: string, status: "DRAFT" | "SUBMITTED" | "RETURNED" = "DRAFT", month = 4) {
    const createdBy = await t.prisma.user.findUniqueOrThrow({ where: { username: lead } });
    return t.prisma.progressReport.create({ data: { campaignId: await campaignId(number), year: 2018, month, status, createdById: createdBy.id } });
  }

  async function counts() {
    return { rows: await t.prisma.attachment.count(), audit: await t.prisma.auditRecord.count(), files: (await filesOnDisk()).length };
  }

  let draft1: { id: string; campaignId: string };
  let uploadedId: string;

  it("lets the campaign's lead upload to a draft: the row, the stored file and the audit record agree", async () => {
    const lead = await sessionUser("lead1");
    draft1 = await report(1, "lead1");
    const content = fixtures.pdf("三月佐证");
    const before = await counts();
    const result = await uploadAttachment(lead, draft1.id, file(content, "佐证材料 三月.pdf", "application/pdf"));
    if (!result.ok) throw new Error(`upload refused: ${JSON.stringify(result)}`);
    uploadedId = result.data?.attachmentId ?? "";

    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: uploadedId } });
    expect(row).toMatchObject({
      campaignId: draft1.campaignId,
      reportId: draft1.id,
      fileName: "佐证材料 三月.pdf",
      mimeType: "application/pdf",
      size: content.byteLength,
      sha256: sha256(content),
      uploadedById: lead.id,
    });
    expect(row.storageKey).toMatch(/^evidence\/\d{4}\/[0-9a-f-]{36}$/);
    const stored = (await storedBytes(row.storageKey)) ?? Buffer.alloc(0);
    expect(stored.equals(content)).toBe(true);
    expect(await filesOnDisk()).toContain(row.storageKey);

    const after = await counts();
    expect(after).toEqual({ rows: before.rows + 1, audit: before.audit + 1, files: before.files + 1 });
    const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    const town = await t.prisma.organization.findUniqueOrThrow({ where: { code: "shendang" } });
    expect(audit).toMatchObject({
      action: "attachment.upload",
      entityType: "Attachment",
      entityId: row.id,
      actorId: lead.id,
      orgId: town.id,
      campaignId: draft1.campaignId,
    });
    expect(audit.newValues).toEqual({ fileName: "佐证材料 三月.pdf", size: content.byteLength, sha256: sha256(content), reportId: draft1.id });
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });

  it("accepts a returned report too, and stores the name without its path", async () => {
    const returned = await report(2, "lead2", "RETURNED");
    const result = await uploadAttachment(await sessionUser("lead2"), returned.id, pngFile("C:\\fakepath\\现场照片.png"));
    expect(result.ok).toBe(true);
    const row = await t.prisma.attachment.findFirstOrThrow({ where: { reportId: returned.id } });
    expect(row).toMatchObject({ fileName: "现场照片.png", mimeType: "image/png" });
  });

  it.each(["lead2", "viewer", "staff", "leader", "county", "town2lead", "town2admin"])(
    "refuses %s on campaign 1's report and writes nothing",
    async (username) => {
      const user = await sessionUser(username);
      const before = await counts();
      expect(await uploadAttachment(user, draft1.id, pngFile("x.png", 7))).toEqual({ ok: false, error: "notFound" });
      expect(await counts()).toEqual(before);
    },
  );

  it("answers notFound for a report that does not exist", async () => {
    expect(await uploadAttachment(await sessionUser("lead1"), "no-such-report", pngFile("x.png"))).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses a submitted or approved report (locked) and writes nothing", async () => {
    const submitted = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 5 }, month: 3 } });
    expect(submitted.status).toBe("SUBMITTED");
    const approved = await t.prisma.progressReport.findFirstOrThrow({ where: { campaign: { number: 1 }, month: 1 } });
    const before = await counts();
    expect(await uploadAttachment(await sessionUser("lead5"), submitted.id, pngFile("x.png"))).toEqual({ ok: false, error: "locked", status: "SUBMITTED" });
    expect(await uploadAttachment(await sessionUser("lead1"), approved.id, pngFile("x.png"))).toEqual({ ok: false, error: "locked", status: "APPROVED" });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a program named .pdf", () => file(fixtures.exe(), "通知.pdf", "application/pdf"), "validation.fileType"],
    ["a zip bomb named .docx", () => file(fixtures.zipBomb(), "报告.docx"), "validation.fileType"],
    ["a PNG named .pdf", () => file(fixtures.png(), "照片.pdf", "application/pdf"), "validation.fileType"],
    ["an HTML page named .png", () => file(fixtures.html(), "page.png", "image/png"), "validation.fileType"],
    ["an empty file", () => file(Buffer.alloc(0), "空.pdf", "application/pdf"), "validation.fileEmpty"],
    ["a file over 10 MiB", () => file(Buffer.concat([fixtures.pdf(), Buffer.alloc(MAX_FILE_BYTES)]), "大.pdf", "application/pdf"), "validation.fileTooLarge"],
    ["a name that is only a path", () => file(fixtures.pdf(), "../../", "application/pdf"), "validation.fileName"],
  ])("refuses %s and writes nothing", async (_what, make, key) => {
    const before = await counts();
    expect(await uploadAttachment(await sessionUser("lead1"), draft1.id, make())).toEqual({ ok: false, error: "invalid", fieldErrors: { file: [key] } });
    expect(await counts()).toEqual(before);
  });

  it(`refuses the ${MAX_FILES_PER_REPORT + 1}st file of a report`, async () => {
    const lead = await sessionUser("lead3");
    const draft = await report(3, "lead3");
    for (let i = 0; i < MAX_FILES_PER_REPORT; i++) {
      expect((await uploadAttachment(lead, draft.id, pngFile(`第${i + 1}张.png`, i))).ok).toBe(true);
    }
    const before = await counts();
    expect(await uploadAttachment(lead, draft.id, pngFile("第21张.png", 99))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { file: ["validation.tooManyFiles"] },
    });
    expect(await counts()).toEqual(before);
    expect(await t.prisma.attachment.count({ where: { reportId: draft.id } })).toBe(MAX_FILES_PER_REPORT);
  });

  it("keeps the limit when uploads race, and leaves no file of a refused one behind", async () => {
    const lead = await sessionUser("lead4");
    const draft = await report(4, "lead4");
    for (let i = 0; i < MAX_FILES_PER_REPORT - 2; i++) expect((await uploadAttachment(lead, draft.id, pngFile(`${i}.png`, i))).ok).toBe(true);
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => uploadAttachment(lead, draft.id, pngFile(`并发${i}.png`, 100 + i))));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(3);
    expect(await t.prisma.attachment.count({ where: { reportId: draft.id } })).toBe(MAX_FILES_PER_REPORT);
    expect(await counts()).toEqual({ rows: before.rows + 2, audit: before.audit + 2, files: before.files + 2 });
  });

  it("removes the written file when the transaction fails", async () => {
    await t.prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."fileName" = 'boom.png' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`,
    );
    await t.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_boom BEFORE INSERT ON "Attachment" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    try {
      const before = await counts();
      await expect(uploadAttachment(await sessionUser("lead1"), draft1.id, pngFile("boom.png", 42))).rejects.toThrow(/boom/);
      expect(await counts()).toEqual(before);
    } finally {
      await t.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_boom ON "Attachment"`);
      await t.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_boom()`);
    }
  });

  // A draft's evidence is its campaign's leads' and admins' only; once submitted, the town's (and the county's).
  it.each([
    ["lead1", true, true],
    ["admin", true, true],
    ["viewer", false, true],
    ["leader", false, true],
    ["lead2", false, true],
    ["county", false, true],
    ["town2viewer", false, false],
    ["town2lead", false, false],
    ["town2admin", false, false],
  ])("download lookup for %s: visible %s as a draft, %s once submitted", async (username, whileDraft, onceSubmitted) => {
    const user = await sessionUser(username);
    const expectVisible = async (visible: boolean) => {
      const row = await findDownloadableAttachment(user, uploadedId);
      if (visible) expect(row).toMatchObject({ id: uploadedId, fileName: "佐证材料 三月.pdf" });
      else expect(row).toBeNull();
    };
    await expectVisible(whileDraft);
    await t.prisma.progressReport.update({ where: { id: draft1.id }, data: { status: "SUBMITTED" } });
    try {
      await expectVisible(onceSubmitted);
    } finally {
      await t.prisma.progressReport.update({ where: { id: draft1.id }, data: { status: "DRAFT" } });
    }
  });

  it("download lookup of an unknown id is null", async () => {
    expect(await findDownloadableAttachment(await sessionUser("viewer"), "no-such-attachment")).toBeNull();
  });

  it.each(["lead2", "viewer", "leader", "county", "town2admin"])("refuses %s a delete and changes nothing", async (username) => {
    const before = await counts();
    expect(await deleteAttachment(await sessionUser(username), uploadedId)).toEqual({ ok: false, error: "notFound" });
    expect(await counts()).toEqual(before);
  });

  it("lets the lead delete: the row with its audit record, then the file", async () => {
    const lead = await sessionUser("lead1");
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: uploadedId } });
    expect(await isStored(row.storageKey)).toBe(true);
    const before = await counts();
    expect(await deleteAttachment(lead, uploadedId)).toEqual({ ok: true });
    expect(await t.prisma.attachment.findUnique({ where: { id: uploadedId } })).toBeNull();
    expect(await isStored(row.storageKey)).toBe(false);
    expect(await counts()).toEqual({ rows: before.rows - 1, audit: before.audit + 1, files: before.files - 1 });
    const audit = await t.prisma.auditRecord.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "attachment.delete", entityType: "Attachment", entityId: uploadedId, actorId: lead.id, campaignId: row.campaignId });
    expect(audit.oldValues).toEqual({ fileName: row.fileName, size: row.size, sha256: row.sha256, reportId: row.reportId });
    expect(await deleteAttachment(lead, uploadedId)).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses a delete once the report is submitted (locked), keeping row and file", async () => {
    const lead = await sessionUser("lead6");
    const draft = await report(6, "lead6");
    const result = await uploadAttachment(lead, draft.id, pngFile("提交前.png", 5));
    if (!result.ok) throw new Error("upload refused");
    const id = result.data?.attachmentId ?? "";
    await t.prisma.progressReport.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    const before = await counts();
    expect(await deleteAttachment(lead, id)).toEqual({ ok: false, error: "locked", status: "SUBMITTED" });
    expect(await counts()).toEqual(before);
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(await isStored(row.storageKey)).toBe(true);
  });

  it("leaves every stored file accounted for, and the audit chain intact", async () => {
    const rows = await t.prisma.attachment.findMany({ select: { storageKey: true } });
    const onDisk = new Set(await filesOnDisk());
    for (const r of rows) expect(onDisk.has(r.storageKey)).toBe(true);
    // Nothing half-written left behind.
    expect([...onDisk].filter((f) => f.startsWith(".incoming/") || f.endsWith(".tmp"))).toEqual([]);
    expect((await verifyAuditChain(t.prisma)).broken).toBeNull();
  });
});
