"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { addComment, markCommentsSeen, startCorrection } from "./mutations";
import { preReviewReport, reviewReport, withdrawReport } from "./review";
import { saveReport, type SavedReport } from "./save";

export interface ReportFormState {
  result?: ActionResult<SavedReport>;
  /** What was typed, sent back so a refused save keeps it. */
  values?: Record<string, string>;
}

function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

function revalidateCampaign(campaignId: string | undefined) {
  if (campaignId) revalidatePath(`/campaigns/${campaignId}`, "layout");
  revalidatePath("/");
}

/** Save (as the lead types, and on "save draft") or submit the monthly report. */
export async function saveReportAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await saveReport(user, values);
  if (result.ok && values.intent === "submit") revalidateCampaign(values.campaignId);
  return { result, values };
}

export async function reviewReportAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await reviewReport(user, values);
  if (result.ok) revalidateCampaign(values.campaignId);
  return { result, values };
}

/** 初审 by the office: pass to the leader, or return. */
export async function preReviewReportAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await preReviewReport(user, values);
  if (result.ok) revalidateCampaign(values.campaignId);
  return { result, values };
}

/** 撤回: the lead takes a submitted report back before its review starts. */
export async function withdrawReportAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await withdrawReport(user, values);
  if (result.ok) revalidateCampaign(values.campaignId);
  return { result, values };
}

export async function startCorrectionAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await startCorrection(user, values);
  if (result.ok) revalidateCampaign(values.campaignId);
  return { result, values };
}

export async function addCommentAction(_prev: ReportFormState | undefined, formData: FormData): Promise<ReportFormState> {
  const user = await requireUser();
  const values = fields(formData);
  const result = await addComment(user, values);
  if (result.ok) revalidateCampaign(values.campaignId);
  return { result: result.ok ? { ok: true } : result, values: result.ok ? {} : values };
}

export async function markCommentsSeenAction(): Promise<void> {
  const user = await requireUser();
  await markCommentsSeen(user);
  revalidatePath("/");
}
