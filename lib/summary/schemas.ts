// What an export request may say. Checked on the server; field errors are catalogue keys.
import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { SUMMARY_FORMATS } from "./model";

export const exportSchema = z.object({
  month: z.coerce
    .number({ error: "validation.summaryMonth" })
    .int({ error: "validation.summaryMonth" })
    .min(1, { error: "validation.summaryMonth" })
    .max(12, { error: "validation.summaryMonth" }),
  format: z.enum(SUMMARY_FORMATS as [string, ...string[]], { error: "validation.summaryFormat" }).transform((f) => f as (typeof SUMMARY_FORMATS)[number]),
  campaignIds: z.array(recordId).max(200).default([]),
  /** The task-by-task change list as an appendix (a ticked box, or true from a script). */
  appendix: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});

export type ExportInput = z.infer<typeof exportSchema>;
