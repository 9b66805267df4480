"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { addCommentAction } from "@/lib/comments/actions";

/** 批示: leadership's remark on a campaign, a report or a task; it may ask the leads for a 落实反馈 by a date. */
export function CommentForm({ campaignId, reportId, taskId }: { campaignId: string; reportId?: string; taskId?: string }) {
  const t = useTranslations("comments");
  const [state, action, pending] = useActionState(addCommentAction, {});
  const errors = state.result && !state.result.ok && state.result.error === "invalid" ? state.result.fieldErrors : {};
  const key = reportId ?? taskId ?? campaignId;
  const text = (name: string) => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : "";
  };
  return (
    <form action={action} className="space-y-2" noValidate key={state.result?.ok ? "sent" : "editing"} data-testid="comment-form">
      <input type="hidden" name="campaignId" value={campaignId} />
      {reportId && <input type="hidden" name="reportId" value={reportId} />}
      {taskId && <input type="hidden" name="taskId" value={taskId} />}
      <Field id={`comment-${key}`} label={t("add")} errors={errors.body}>
        {(aria) => <textarea {...aria} name="body" rows={2} className="input py-2" defaultValue={text("body")} />}
      </Field>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="asksResponse" defaultChecked={text("asksResponse") === "on"} />
          {t("asksResponse")}
        </label>
        <Field id={`comment-due-${key}`} label={t("dueDate")} errors={errors.dueDate}>
          {(aria) => <input {...aria} type="date" name="dueDate" className="input w-44" defaultValue={text("dueDate")} />}
        </Field>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("send")}
      </button>
    </form>
  );
}
