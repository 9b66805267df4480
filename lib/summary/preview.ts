// 预览第一页: the blocks of a summary's first page, from the same outline the Word and PDF files
// are drawn from, for the export page to lay out in the browser before anything is generated or
// archived (a read: nothing is written). The page in the browser clips what does not fit.
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { invalid, type ActionResult } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { buildSummary } from "./build";
import type { OutlineBlock } from "./render/outline-blocks";
import { summaryOutline } from "./render/outline";
import { exportSchema } from "./schemas";
import { summaryText } from "./text";

/** More than page 1 ever holds (22 lines of 3号, or about 35 table rows of 五号): the page clips the rest. */
const MAX_BLOCKS = 24;
const MAX_ROWS = 35;

const previewSchema = exportSchema.omit({ format: true });

/** The first blocks of the outline, tables cut to what a page can show. */
export function firstPageBlocks(blocks: OutlineBlock[]): OutlineBlock[] {
  return blocks.slice(0, MAX_BLOCKS).map((b) => (b.kind === "table" ? { ...b, rows: b.rows.slice(0, MAX_ROWS) } : b));
}

export async function previewSummary(user: SessionUser, planId: string, raw: unknown, locale: Locale): Promise<ActionResult<{ blocks: OutlineBlock[] }>> {
  const parsed = previewSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { month, campaignIds, appendix } = parsed.data;
  const built = await buildSummary(user, { planId, month, campaignIds, locale, appendix });
  if (!built.ok) {
    if (built.error === "month") return { ok: false, error: "invalid", fieldErrors: { month: ["validation.summaryMonth"] } };
    if (built.error === "campaigns") return { ok: false, error: "invalid", fieldErrors: { campaignIds: ["validation.summaryCampaigns"] } };
    return { ok: false, error: built.error };
  }
  return { ok: true, data: { blocks: firstPageBlocks(summaryOutline(built.summary, summaryText(locale))) } };
}
