// 批示: a leader's comment on a campaign, one of its reports or one of its tasks, and its 落实反馈 loop.
import { z } from "zod";
import { checkbox, optionalDate, version } from "@/lib/validation/form-fields";
import { recordId } from "@/lib/validation/ids";
import { TEXT_LIMITS } from "@/lib/validation/limits";

export const COMMENT_MAX = TEXT_LIMITS.comment;

const body = z.string().trim().min(2, "validation.commentRequired").max(COMMENT_MAX, "validation.tooLong");

export const commentSchema = z
  .object({
    campaignId: recordId,
    reportId: recordId.optional().or(z.literal("").transform(() => undefined)),
    taskId: recordId.optional().or(z.literal("").transform(() => undefined)),
    body,
    /** 要求落实反馈: the 批示 asks the campaign's leads to answer (a deadline implies it). */
    asksResponse: checkbox.optional(),
    dueDate: optionalDate,
  })
  .transform((v) => ({ ...v, asksResponse: v.asksResponse === true || v.dueDate !== null }));

/** 落实情况: the lead's answer (its files come with the same request, lib/comments/answer-route.ts). */
export const answerSchema = z.object({
  commentId: recordId,
  version,
  body: z.string().trim().min(2, "validation.answerRequired").max(COMMENT_MAX, "validation.tooLong"),
});

/** 办结, or 再次要求 with a note (and, optionally, a new deadline). */
export const decideSchema = z
  .object({
    commentId: recordId,
    version,
    decision: z.enum(["close", "askAgain"], { message: "validation.invalid" }),
    note: z.string().trim().max(COMMENT_MAX, "validation.tooLong").optional().default(""),
    dueDate: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "askAgain" && v.note.length < 2) ctx.addIssue({ code: "custom", path: ["note"], message: "validation.askAgainNote" });
  });
