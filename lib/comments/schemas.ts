// 批示: a leader's comment on a campaign, one of its reports or one of its tasks.
import { z } from "zod";
import { recordId } from "@/lib/validation/ids";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const COMMENT_MAX = TEXT_LIMITS.comment;

export const commentSchema = z.object({
  campaignId: recordId,
  reportId: recordId.optional().or(z.literal("").transform(() => undefined)),
  taskId: recordId.optional().or(z.literal("").transform(() => undefined)),
  body: z.string().trim().min(2, "validation.commentRequired").max(COMMENT_MAX, "validation.tooLong"),
});
