// What the plan form posts. The org and year are chosen when the plan is created and stay.
import { z } from "zod";
import { PLAN_STATUSES } from "./constants";
import { checkbox, id, lines, optionalText, optionalWholeNumber, requiredText, version, wholeNumber } from "@/lib/validation/form-fields";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { TEXT_LIMITS } from "@/lib/validation/limits";

/** A threshold in 个百分点 or %: 0–100, one decimal; absent when the form did not post it. */
const band = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    const v = parseDecimalInput(raw);
    if (v === null || !/^\d+(\.\d)?$/.test(v) || Number(v) > 100) {
      ctx.addIssue({ code: "custom", message: "validation.threshold" });
      return z.NEVER;
    }
    return Number(v);
  });

/** The status rule's thresholds as the plan form posts them (see lib/status/rules.ts). */
export const RULE_FIELDS = [
  "ytdGreen",
  "ytdAmber",
  "rateGreen",
  "rateAmber",
  "levelGreen",
  "levelAmber",
  "taskGreen",
  "taskAmber",
  "campaignGreen",
  "campaignAmber",
] as const;
const ruleFields = Object.fromEntries(RULE_FIELDS.map((f) => [f, band])) as Record<(typeof RULE_FIELDS)[number], typeof band>;

/** 第1期是几月的月报: left blank (or not posted), January. */
const documentFirstMonth = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? "1" : v))
  .pipe(wholeNumber(1, 12, "validation.documentFirstMonth"));

/** Left blank, the baseline year is the year before the plan's. */
const baselineYear = optionalWholeNumber(1990, 2100, "validation.year");

const planFields = {
  baselineYear,
  title: requiredText(TEXT_LIMITS.title),
  titleEn: optionalText(TEXT_LIMITS.long),
  goals: lines(TEXT_LIMITS.lines, TEXT_LIMITS.line),
  rules: lines(TEXT_LIMITS.lines, TEXT_LIMITS.line),
  reportDueDay: wholeNumber(1, 28, "validation.reportDueDay"),
  escalateAfterDays: wholeNumber(0, 30, "validation.escalateAfterDays"),
  status: z.enum(PLAN_STATUSES, { message: "validation.choice" }),
  targetChangeNeedsApproval: checkbox,
  // The thresholds are posted together (rulesPosted); a form without them leaves the plan's rules as they are.
  rulesPosted: z.string().optional(),
  countUnapproved: checkbox,
  ...ruleFields,
  /** 初审: office staff check each submitted report before its leader may approve it. */
  preReview: checkbox,
  /** The 月报's 版头: 发文机关 (blank: the town's name) and the month of 第1期. */
  documentIssuer: optionalText(60),
  documentFirstMonth,
};

export const createPlanSchema = z
  .object({ orgId: z.string({ message: "validation.org" }).min(1, "validation.org").max(64), year: wholeNumber(2000, 2100, "validation.year"), ...planFields })
  .transform((p) => ({ ...p, baselineYear: p.baselineYear ?? p.year - 1 }))
  // Written so that a year refused above (left undefined) does not also fail this check.
  .refine((p) => !(p.baselineYear >= p.year), { path: ["baselineYear"], message: "validation.baselineYear" });

export const updatePlanSchema = z.object({ planId: id, version, ...planFields });

export type CreatePlanInput = z.infer<typeof createPlanSchema>;
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;
