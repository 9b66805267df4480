"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/form";
import { decideInstructionAction } from "@/lib/comments/actions";

/** 办结, or 再次要求落实 with a note (and a new deadline): for the 批示's author or the campaign's 分管领导. */
export function DecideForm({ commentId, version, canAskAgain }: { commentId: string; version: number; canAskAgain: boolean }) {
  const t = useTranslations("comments");
  const [state, action, pending] = useActionState(decideInstructionAction, {});
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const refusal =
    result && !result.ok && result.error !== "invalid" ? (result.error === "conflict" ? "conflict" : result.error === "locked" ? "locked" : "failed") : null;
  const note = typeof state.values?.note === "string" ? state.values.note : "";
  return (
    <form
      action={action}
      className={`mt-2 space-y-2 ${canAskAgain ? "rounded-md border border-slate-200 bg-white p-3" : ""}`}
      noValidate
      data-testid="decide-form"
      key={result?.ok ? "done" : "editing"}
    >
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="version" value={version} />
      {canAskAgain && (
        <div className="grid gap-2 sm:grid-cols-[1fr_auto]">
          <Field id={`decide-note-${commentId}`} label={t("decideNote")} errors={errors.note}>
            {(aria) => <textarea {...aria} name="note" rows={2} className="input py-2" defaultValue={note} />}
          </Field>
          <Field id={`decide-due-${commentId}`} label={t("newDueDate")} errors={errors.dueDate}>
            {(aria) => <input {...aria} type="date" name="dueDate" className="input w-44" />}
          </Field>
        </div>
      )}
      <FormAlert>
        {refusal && (
          <p role="alert" className="field-error">
            {t(refusal)}
          </p>
        )}
      </FormAlert>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="close" className={canAskAgain ? "btn-primary" : "btn-secondary"} disabled={pending}>
          {t("close")}
        </button>
        {canAskAgain && (
          <button type="submit" name="decision" value="askAgain" className="btn-secondary" disabled={pending}>
            {t("askAgain")}
          </button>
        )}
      </div>
    </form>
  );
}
