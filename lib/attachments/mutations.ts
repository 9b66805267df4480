import "server-only";
// 佐证材料: evidence files on a monthly report, and on a task's 销号. Only those who may write the
// campaign's reports may add or remove them, and only while the report is a draft or returned (the
// task open); anyone who may see
// the campaign may download them. Permission is part of each query: what a user may not reach is
// simply not found. The file is written before the transaction that records it (and removed
// again if that transaction does not commit); a deleted row's file is removed after the commit.
import { inflateRawSync } from "node:zlib";
import { fileTypeFromBuffer, type FileTypeResult } from "file-type";
import type { Attachment } from "@/generated/prisma/client";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { closableTasks, reportableCampaigns, visibleCampaigns } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { readableReports } from "@/lib/auth/scope";
import { db, type Tx } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { log } from "@/lib/ops/log";
import { removeStoredFile, storeFile } from "@/lib/storage/files";
import { checkUpload, MAX_FILE_BYTES, MAX_FILES_PER_REPORT } from "./rules";

const EDITABLE: readonly string[] = ["DRAFT", "RETURNED"];

function fileError(key: string): { ok: false; error: "invalid"; fieldErrors: { file: string[] } } {
  return { ok: false, error: "invalid", fieldErrors: { file: [key] } };
}

const NOT_FOUND = { ok: false, error: "notFound" } as const;

/**
 * Locks the report's row until the transaction ends and returns its status (null: no such report).
 * Uploads and deletes on one report, and its submission, then happen one after another, so the
 * status checked is the status at commit and the per-report limit holds under concurrent uploads.
 */
async function lockReport(tx: Tx, reportId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "ProgressReport" WHERE "id" = ${reportId} FOR UPDATE`;
  return rows[0]?.status ?? null;
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The zip entries file-type inflates (whole, in memory) to tell an Office package from a zip. */
const INFLATED_BY_FILE_TYPE = new Set(["[Content_Types].xml", "mimetype"]);
/** Far above any real [Content_Types].xml (a few KB), far below what a zip bomb would make. */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;

/**
 * Whether a zip would make file-type inflate more than MAX_INFLATED_BYTES: 10 MiB of deflated
 * [Content_Types].xml could become 10 GiB. Every local header with one of those names is checked
 * (wherever it is, so however file-type walks the archive), inflated here with a bound.
 */
function isZipBomb(buffer: Buffer): boolean {
  if (!buffer.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return false;
  let checked = 0;
  for (let at = buffer.indexOf(ZIP_LOCAL_HEADER); at !== -1 && at + 30 <= buffer.length; at = buffer.indexOf(ZIP_LOCAL_HEADER, at + 4)) {
    const method = buffer.readUInt16LE(at + 8);
    const nameEnd = at + 30 + buffer.readUInt16LE(at + 26);
    if (method !== 8 || !INFLATED_BY_FILE_TYPE.has(buffer.toString("utf8", at + 30, nameEnd))) continue;
    // A real package has one; many are a way to multiply the work.
    if (++checked > 4) return true;
    try {
      inflateRawSync(buffer.subarray(nameEnd + buffer.readUInt16LE(at + 28)), { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return true;
      // Corrupt data: file-type fails on it by itself.
    }
  }
  return false;
}

/** The type the content is, by its magic bytes; undefined when unknown, unreadable or unsafe to inspect. */
export async function detectFileType(data: Uint8Array): Promise<FileTypeResult | undefined> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (isZipBomb(buffer)) return undefined;
  try {
    return await fileTypeFromBuffer(buffer);
  } catch {
    return undefined;
  }
}

type Stored = Awaited<ReturnType<typeof storeFile>>;
type Checked = { fileName: string; mime: string };
type Upload = ActionResult<{ attachmentId: string }>;

/**
 * Checks a file by its content, stores it, and runs `record` (a transaction that writes its row and
 * audit record); the stored file is removed again unless that transaction committed.
 */
/** The stored file's row, owned by a report or a task, with its audit record (in the caller's transaction). */
async function recordAttachment(
  tx: Tx,
  user: SessionUser,
  where: { campaignId: string; orgId: string; owner: { reportId: string } | { taskId: string } },
  checked: Checked,
  stored: Stored,
): Promise<Upload> {
  const row = await tx.attachment.create({
    data: {
      campaignId: where.campaignId,
      ...where.owner,
      fileName: checked.fileName,
      mimeType: checked.mime,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      uploadedById: user.id,
      createdAt: now(),
    },
  });
  await audit(tx, {
    actor: user,
    action: "attachment.upload",
    entityType: "Attachment",
    entityId: row.id,
    orgId: where.orgId,
    campaignId: where.campaignId,
    newValues: { fileName: row.fileName, size: row.size, sha256: row.sha256, ...where.owner },
  });
  return { ok: true, data: { attachmentId: row.id } };
}

async function storeAndRecord(file: File, record: (checked: Checked, stored: Stored) => Promise<Upload>): Promise<Upload> {
  if (file.size > MAX_FILE_BYTES) return fileError("validation.fileTooLarge");
  const buffer = new Uint8Array(await file.arrayBuffer());
  const checked = checkUpload({ fileName: file.name, size: buffer.byteLength, detected: await detectFileType(buffer) });
  if (!checked.ok) return fileError(checked.error);

  const stored = await storeFile(buffer);
  let committed = false;
  try {
    const result = await record(checked, stored);
    committed = result.ok;
    return result;
  } finally {
    if (!committed) {
      await removeStoredFile(stored.storageKey).catch((error: unknown) => {
        log().error({ err: error, storageKey: stored.storageKey }, "could not remove an unrecorded evidence file");
      });
    }
  }
}

/** Adds a file to a report: checked by content, stored (lib/storage), recorded with its audit record. */
export async function uploadAttachment(user: SessionUser, reportId: string, file: File): Promise<Upload> {
  const scope = { id: reportId, campaign: reportableCampaigns(user) };
  // Checked before anything is read or written (and again, under the lock, in the transaction).
  const report = await db().progressReport.findFirst({
    where: scope,
    select: { status: true, _count: { select: { attachments: true } } },
  });
  if (!report) return NOT_FOUND;
  if (!EDITABLE.includes(report.status)) return { ok: false, error: "locked", status: report.status };
  if (file.size > MAX_FILE_BYTES) return fileError("validation.fileTooLarge");
  if (report._count.attachments >= MAX_FILES_PER_REPORT) return fileError("validation.tooManyFiles");

  return storeAndRecord(file, (checked, stored) =>
    db().$transaction(async (tx): Promise<Upload> => {
      const target = await tx.progressReport.findFirst({
        where: scope,
        select: { id: true, campaignId: true, campaign: { select: { plan: { select: { orgId: true } } } } },
      });
      if (!target) return NOT_FOUND;
      const status = await lockReport(tx, target.id);
      if (!status) return NOT_FOUND;
      if (!EDITABLE.includes(status)) return { ok: false, error: "locked", status };
      if ((await tx.attachment.count({ where: { reportId: target.id } })) >= MAX_FILES_PER_REPORT) return fileError("validation.tooManyFiles");
      return recordAttachment(tx, user, { campaignId: target.campaignId, orgId: target.campaign.plan.orgId, owner: { reportId: target.id } }, checked, stored);
    }),
  );
}

/**
 * Locks the task's row until the transaction ends and returns its 销号 state (null: no such task), so
 * evidence changes and the 申请销号 that freezes them happen one after another.
 */
async function lockTask(tx: Tx, taskId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ closure: string }[]>`SELECT "closure"::text AS "closure" FROM "Task" WHERE "id" = ${taskId} FOR UPDATE`;
  return rows[0]?.closure ?? null;
}

/** Adds a file to a task's 销号 evidence, while the task is open (not asked for, not closed). */
export async function uploadTaskEvidence(user: SessionUser, taskId: string, file: File): Promise<Upload> {
  const scope = { AND: [{ id: taskId }, closableTasks(user)] };
  const task = await db().task.findFirst({ where: scope, select: { closure: true, _count: { select: { evidence: true } } } });
  if (!task) return NOT_FOUND;
  if (task.closure !== "OPEN") return { ok: false, error: "locked", status: task.closure };
  if (task._count.evidence >= MAX_FILES_PER_REPORT) return fileError("validation.tooManyFiles");

  return storeAndRecord(file, (checked, stored) =>
    db().$transaction(async (tx): Promise<Upload> => {
      const target = await tx.task.findFirst({
        where: scope,
        select: { id: true, campaignId: true, campaign: { select: { plan: { select: { orgId: true } } } } },
      });
      if (!target) return NOT_FOUND;
      const closure = await lockTask(tx, target.id);
      if (!closure) return NOT_FOUND;
      if (closure !== "OPEN") return { ok: false, error: "locked", status: closure };
      if ((await tx.attachment.count({ where: { taskId: target.id } })) >= MAX_FILES_PER_REPORT) return fileError("validation.tooManyFiles");
      return recordAttachment(tx, user, { campaignId: target.campaignId, orgId: target.campaign.plan.orgId, owner: { taskId: target.id } }, checked, stored);
    }),
  );
}

/** Removes a file from a draft or returned report: the row with its audit record, then the file. */
export async function deleteAttachment(user: SessionUser, attachmentId: string): Promise<ActionResult> {
  const outcome = await db().$transaction(async (tx): Promise<{ result: ActionResult; storageKey?: string }> => {
    const row = await tx.attachment.findFirst({
      where: { id: attachmentId, OR: [{ taskId: null, campaign: reportableCampaigns(user) }, { task: closableTasks(user) }] },
      include: { campaign: { select: { plan: { select: { orgId: true } } } } },
    });
    if (!row) return { result: NOT_FOUND };
    if (row.taskId) {
      // A task's evidence: while the task is open (neither asked for nor closed).
      const closure = await lockTask(tx, row.taskId);
      if (closure !== "OPEN") return { result: { ok: false, error: "locked", status: closure ?? "NONE" } };
    } else {
      // A file whose report is gone is kept as it is (it belongs to the campaign's record).
      const status = row.reportId ? await lockReport(tx, row.reportId) : null;
      if (!status || !EDITABLE.includes(status)) return { result: { ok: false, error: "locked", status: status ?? "NONE" } };
    }
    const { count } = await tx.attachment.deleteMany({ where: { id: row.id, reportId: row.reportId, taskId: row.taskId } });
    if (count === 0) return { result: NOT_FOUND };
    await audit(tx, {
      actor: user,
      action: "attachment.delete",
      entityType: "Attachment",
      entityId: row.id,
      orgId: row.campaign.plan.orgId,
      campaignId: row.campaignId,
      oldValues: { fileName: row.fileName, size: row.size, sha256: row.sha256, ...(row.taskId ? { taskId: row.taskId } : { reportId: row.reportId }) },
    });
    return { result: { ok: true }, storageKey: row.storageKey };
  });
  if (outcome.result.ok && outcome.storageKey) {
    const storageKey = outcome.storageKey;
    // The row is gone: a file left behind is unreachable, so this is logged, not reported.
    await removeStoredFile(storageKey).catch((error: unknown) => {
      log().error({ err: error, storageKey }, "could not remove a deleted evidence file");
    });
  }
  return outcome.result;
}

/**
 * The attachment if the user may see its campaign, and its report's content (an unsubmitted draft's
 * evidence is its leads' and admins' only); null otherwise (the caller answers 404).
 */
export async function findDownloadableAttachment(user: SessionUser, attachmentId: string): Promise<Attachment | null> {
  return db().attachment.findFirst({
    where: { id: attachmentId, campaign: visibleCampaigns(user), OR: [{ reportId: null }, { report: readableReports(user) }] },
  });
}
