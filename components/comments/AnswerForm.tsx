"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/form";
import { ACCEPT } from "@/lib/attachments/rules";
import { MAX_ANSWER_FILES } from "@/lib/comments/instruction-rules";

type Outcome = { fieldErrors?: Record<string, string[]>; message?: "conflict" | "locked" | "failed" };

/**
 * 落实反馈: the lead's answer and its evidence files, sent together as one multipart request (the
 * answer route), because a server action's body is too small for evidence. The typed text stays on a refusal.
 */
export function AnswerForm({ commentId, version }: { commentId: string; version: number }) {
  const t = useTranslations("comments");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch(`/api/comments/${encodeURIComponent(commentId)}/answer`, { method: "POST", body: new FormData(event.currentTarget) });
      const json = (await response.json().catch(() => ({}))) as { error?: string; fieldErrors?: Record<string, string[]> };
      if (response.ok) {
        setOutcome({});
        router.refresh();
      } else if (json.error === "invalid") setOutcome({ fieldErrors: json.fieldErrors });
      else setOutcome({ message: json.error === "conflict" ? "conflict" : json.error === "locked" ? "locked" : "failed" });
    } catch {
      setOutcome({ message: "failed" });
    } finally {
      setPending(false);
    }
  }
  const errors = outcome.fieldErrors ?? {};
  return (
    <form onSubmit={submit} className="mt-2 space-y-2 rounded-md border border-slate-200 bg-white p-3" noValidate data-testid="answer-form">
      <input type="hidden" name="version" value={version} />
      <Field id={`answer-${commentId}`} label={t("answerTitle")} errors={errors.body}>
        {(aria) => <textarea {...aria} name="body" rows={3} className="input py-2" />}
      </Field>
      <Field id={`answer-files-${commentId}`} label={t("answerFiles", { count: MAX_ANSWER_FILES })} errors={errors.files}>
        {(aria) => <input {...aria} type="file" name="files" multiple accept={ACCEPT} className="block w-full text-sm" />}
      </Field>
      <FormAlert>
        {outcome.message && (
          <p role="alert" className="field-error">
            {t(outcome.message)}
          </p>
        )}
      </FormAlert>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("sendAnswer")}
      </button>
    </form>
  );
}
