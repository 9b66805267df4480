"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { addCommentAction } from "@/lib/comments/actions";

/** 批示: leadership's remark on a campaign, a report or a task. */
export function CommentForm({ campaignId, reportId, taskId }: { campaignId: string; reportId?: string; taskId?: string }) {
  const t = useTranslations("comments");
  const [state, action, pending] = useActionState(addCommentAction, {});
  const errors = state.result && !state.result.ok && state.result.error === "invalid" ? state.result.fieldErrors : {};
  return (
    <form action={action} className="space-y-2" noValidate key={state.result?.ok ? "sent" : "editing"}>
      <input type="hidden" name="campaignId" value={campaignId} />
      {reportId && <input type="hidden" name="reportId" value={reportId} />}
      {taskId && <input type="hidden" name="taskId" value={taskId} />}
      <Field id={`comment-${reportId ?? taskId ?? campaignId}`} label={t("add")} errors={errors.body}>
        {(aria) => <textarea {...aria} name="body" rows={2} className="input py-2" defaultValue={state.values?.body ?? ""} />}
      </Field>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("send")}
      </button>
    </form>
  );
}
