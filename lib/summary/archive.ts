// Generating a summary file and keeping it: the file is written to storage first, then its
// archive row and audit record commit together (the file is removed if they do not), so every
// archived 月报 can be downloaded again byte for byte, and who made it is on record.
import "server-only";
import { audit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/roles";
import { removeStoredFile, storeFile } from "@/lib/storage/files";
import { db, WRITE_TX } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { buildSummary } from "./build";
import { SUMMARY_EXTENSION, SUMMARY_MIME, type SummaryFormat } from "./model";
import { renderSummary } from "./render";
import { exportSchema } from "./schemas";
import { downloadableSummaries } from "@/lib/auth/scope";
import { summaryText, type SummaryText } from "./text";

export interface GeneratedSummary {
  id: string;
  fileName: string;
  size: number;
}

export async function generateSummary(user: SessionUser, planId: string, raw: unknown, locale: Locale): Promise<ActionResult<GeneratedSummary>> {
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { month, format, campaignIds, appendix } = parsed.data;

  const built = await buildSummary(user, { planId, month, campaignIds, locale, appendix });
  if (!built.ok) {
    if (built.error === "month") return { ok: false, error: "invalid", fieldErrors: { month: ["validation.summaryMonth"] } };
    if (built.error === "campaigns") return { ok: false, error: "invalid", fieldErrors: { campaignIds: ["validation.summaryCampaigns"] } };
    return { ok: false, error: built.error };
  }

  const file = await renderSummary(format, built.summary, summaryText(locale));
  const fileName = summaryFileName(built.summary.cover.title, format, summaryText(locale));
  const stored = await storeFile(file, "summaries");
  try {
    const row = await db().$transaction(async (tx) => {
      const created = await tx.summaryArchive.create({
        data: {
          planId,
          year: built.year,
          month,
          format,
          locale,
          campaignNumbers: built.campaignNumbers,
          wholePlan: built.wholePlan,
          appendix,
          issuer: built.summary.cover.document.issuer,
          issueNumber: built.summary.cover.document.issueNumber,
          fileName,
          storageKey: stored.storageKey,
          sha256: stored.sha256,
          size: stored.size,
          generatedById: user.id,
          // The instant the summary was made as of (also printed in it): regenerating it as archived starts there.
          createdAt: built.summary.cover.generatedAt,
        },
        select: { id: true },
      });
      await audit(tx, {
        actor: user,
        action: "summary.generate",
        entityType: "SummaryArchive",
        entityId: created.id,
        orgId: built.orgId,
        newValues: { fileName, format, month, appendix, campaigns: built.campaignNumbers, sha256: stored.sha256, size: stored.size },
      });
      return created;
    }, WRITE_TX);
    return { ok: true, data: { id: row.id, fileName, size: stored.size } };
  } catch (error) {
    await removeStoredFile(stored.storageKey);
    throw error;
  }
}

/** An archived summary the user may download, with what the response needs; null if not theirs to see. */
export function findDownloadableSummary(user: SessionUser, id: string) {
  return db().summaryArchive.findFirst({
    where: { id, ...downloadableSummaries(user) },
    select: { id: true, fileName: true, format: true, storageKey: true, sha256: true, size: true },
  });
}

/** "2018年3月十大战役工作月报.docx"; the second CSV says what it holds: "…（任务与未报送）.csv". */
export function summaryFileName(title: string, format: SummaryFormat, { t }: SummaryText): string {
  const suffix = format === "csv-tasks" ? t("fileTasksSuffix") : "";
  return `${title}${suffix}.${SUMMARY_EXTENSION[format]}`;
}

export function summaryMime(format: string): string {
  return SUMMARY_MIME[format as keyof typeof SUMMARY_MIME] ?? "application/octet-stream";
}

/** The plan's archive as the export page lists it, newest first. */
export function listSummaries(user: SessionUser, planId: string, take = 50) {
  return db().summaryArchive.findMany({
    where: { planId, ...downloadableSummaries(user) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      month: true,
      format: true,
      fileName: true,
      size: true,
      wholePlan: true,
      appendix: true,
      campaignNumbers: true,
      createdAt: true,
      generatedBy: { select: { name: true } },
    },
  });
}
