"use server";
import { formAction } from "@/lib/form-action";
import { startCorrection } from "./mutations";
import { preReviewReport, reviewReport, withdrawReport } from "./review";
import { saveReport } from "./save";

/**
 * Save (as the lead types, and on "save draft") or submit the monthly report. A draft is shown only
 * by its own form, so only a submit revalidates the pages.
 */
export const saveReportAction = formAction({ write: saveReport, revalidate: (result, values) => result.ok && values.intent === "submit" });

export const reviewReportAction = formAction({ write: reviewReport });

/** 初审 by the office: pass to the leader, or return. */
export const preReviewReportAction = formAction({ write: preReviewReport });

/** 撤回: the lead takes a submitted report back before its review starts. */
export const withdrawReportAction = formAction({ write: withdrawReport });

export const startCorrectionAction = formAction({ write: startCorrection });
