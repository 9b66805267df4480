// 核对存档: an archived 月报 made again exactly as it was (same month, campaigns, format, language,
// maker and instant) must give the same bytes. Different bytes mean the history the summary was
// built from changed afterwards — which the plan's versions and the figures' history exist to prevent.
import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { buildSummary } from "./build";
import { SUMMARY_FORMATS, type SummaryFormat } from "./model";
import { renderSummary } from "./render";
import { downloadableSummaries } from "@/lib/auth/scope";
import { summaryText } from "./text";

export interface Verified {
  same: boolean;
  archived: string;
  regenerated: string;
}

export async function verifyArchivedSummary(user: SessionUser, id: string): Promise<ActionResult<Verified>> {
  const archive = await db().summaryArchive.findFirst({
    where: { id, ...downloadableSummaries(user) },
    select: {
      planId: true,
      month: true,
      format: true,
      locale: true,
      wholePlan: true,
      appendix: true,
      issuer: true,
      issueNumber: true,
      campaignNumbers: true,
      sha256: true,
      createdAt: true,
      generatedBy: { select: { name: true } },
    },
  });
  if (!archive || !(SUMMARY_FORMATS as readonly string[]).includes(archive.format)) return { ok: false, error: "notFound" };
  const campaigns = archive.wholePlan
    ? []
    : await db().campaign.findMany({ where: { planId: archive.planId, number: { in: archive.campaignNumbers } }, select: { id: true } });
  const locale: Locale = archive.locale === "en" ? "en" : "zh-CN";
  const built = await buildSummary(
    user,
    { planId: archive.planId, month: archive.month, campaignIds: campaigns.map((c) => c.id), locale, appendix: archive.appendix },
    { at: archive.createdAt, by: archive.generatedBy.name, issuer: archive.issuer, issueNumber: archive.issueNumber },
  );
  if (!built.ok) return { ok: false, error: built.error === "notFound" ? "notFound" : "forbidden" };
  const file = await renderSummary(archive.format as SummaryFormat, built.summary, summaryText(locale));
  const regenerated = createHash("sha256").update(file).digest("hex");
  return { ok: true, data: { same: regenerated === archive.sha256, archived: archive.sha256, regenerated } };
}
