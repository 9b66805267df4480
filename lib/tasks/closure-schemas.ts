// What the 销号 forms post. Message keys (validation.*), translated by the forms.
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { id, requiredText, version } from "@/lib/validation/form-fields";

/** 申请销号: the lead's note on what was done (the evidence files are uploaded beforehand). */
export const askClosureSchema = z.object({ campaignId: id, taskId: id, version, note: requiredText(TEXT_LIMITS.line) });

/** 确认销号 or 退回: a return needs its reason, which the lead then reads. */
export const decideClosureSchema = z
  .object({
    taskId: id,
    version,
    decision: z.enum(["confirm", "return"], { message: "validation.choice" }),
    reason: z.string().trim().max(TEXT_LIMITS.returnReason, "validation.tooLong").optional().default(""),
  })
  .refine((v) => v.decision === "confirm" || v.reason.length > 0, { path: ["reason"], message: "validation.closureReturnReason" });
