"use server";
// 核对存档: make an archived summary again and compare its checksum (a read; nothing is written).
// 预览第一页: the first page of the summary the export form describes (a read as well).
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { locales } from "@/lib/i18n/config";
import { recordId } from "@/lib/validation/ids";
import type { OutlineBlock } from "./render/outline-blocks";
import { previewSummary } from "./preview";
import { verifyArchivedSummary, type Verified } from "./verify";

const input = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/),
});

export async function verifySummaryAction(_prev: ActionResult<Verified> | null, formData: FormData): Promise<ActionResult<Verified>> {
  const user = await requireUser();
  const parsed = input.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, error: "notFound" };
  return verifyArchivedSummary(user, parsed.data.id);
}

const previewRequest = z.object({ planId: recordId, locale: z.enum(locales) });

/** `request`: the plan and file language, and the export form's month, campaigns and appendix (checked in previewSummary). */
export async function previewSummaryAction(request: {
  planId: string;
  locale: string;
  month: number;
  campaignIds: string[];
  appendix: boolean;
}): Promise<ActionResult<{ blocks: OutlineBlock[] }>> {
  const user = await requireUser();
  const parsed = previewRequest.safeParse(request);
  if (!parsed.success) return { ok: false, error: "notFound" };
  const { month, campaignIds, appendix } = request;
  return previewSummary(user, parsed.data.planId, { month, campaignIds, appendix }, parsed.data.locale);
}
