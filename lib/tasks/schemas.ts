import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { parseDecimalInput } from "@/lib/validation/numbers";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED", "CANCELLED"] as const;

/** Message keys (validation.*) rather than words: the form translates them. */
export const taskProgressSchema = z
  .object({
    campaignId: recordId,
    taskId: recordId,
    version: z.coerce.number().int().min(1),
    percentDone: z
      .string()
      .transform((raw, ctx) => {
        const value = parseDecimalInput(raw);
        if (value === null || !/^\d+$/.test(value)) {
          ctx.addIssue({ code: "custom", message: "validation.percentWhole" });
          return z.NEVER;
        }
        return Number(value);
      })
      .pipe(z.number().int().min(0, "validation.percentRange").max(100, "validation.percentRange")),
    status: z.enum(TASK_STATUSES, { message: "validation.status" }),
    note: z.string().trim().max(TEXT_LIMITS.line, "validation.noteTooLong").optional().default(""),
    /** 逾期原因 and 整改措施: required once the task is overdue (the mutation knows; lib/tasks/closure-rules.ts). */
    overdueReason: z.string().trim().max(TEXT_LIMITS.line, "validation.noteTooLong").optional().default(""),
    remedy: z.string().trim().max(TEXT_LIMITS.line, "validation.noteTooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.status === "DONE" && v.percentDone !== 100) {
      ctx.addIssue({ code: "custom", path: ["percentDone"], message: "validation.doneMeans100" });
    }
    if (v.percentDone === 100 && v.status !== "DONE" && v.status !== "CANCELLED") {
      ctx.addIssue({ code: "custom", path: ["status"], message: "validation.fullMeansDone" });
    }
  });

export type TaskProgressInput = z.infer<typeof taskProgressSchema>;
