"use client";
// 销号 on the task's 销号 page: the lead's request (a note; the evidence is uploaded beside it) and the
// confirmer's decision (确认销号, or 退回 with a reason). Each posts its form action; the page reloads.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form";
import { TextArea } from "@/components/ui/inputs";
import type { FormState } from "@/lib/form-action";
import { askClosureAction, decideClosureAction } from "@/lib/tasks/actions";

function Refusal({ state }: { state: FormState }) {
  const t = useTranslations("closure");
  const r = state.result;
  if (!r || r.ok) return <FormAlert>{null}</FormAlert>;
  const key =
    r.error === "invalid"
      ? r.fieldErrors.evidence
        ? "needEvidence"
        : "fixFields"
      : r.error === "conflict"
        ? "conflict"
        : r.error === "locked"
          ? "notNow"
          : "notAllowed";
  return (
    <FormAlert>
      <p
        role="alert"
        data-testid="closure-alert"
        className={r.error === "conflict" ? "rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900" : "field-error"}
      >
        {t(key)}
      </p>
    </FormAlert>
  );
}

const fieldErrors = (state: FormState) => (state.result && !state.result.ok && state.result.error === "invalid" ? state.result.fieldErrors : {});

export function AskClosureForm({ task }: { task: { id: string; campaignId: string; version: number } }) {
  const t = useTranslations("closure");
  const [state, action, pending] = useActionState<FormState, FormData>(askClosureAction, {});
  const text = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : "");
  return (
    <form action={action} className="card space-y-4 p-4" noValidate data-testid="ask-closure" key={JSON.stringify(state)}>
      <h2 className="text-lg font-semibold">{t("askHeading")}</h2>
      <input type="hidden" name="campaignId" value={task.campaignId} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <Refusal state={state} />
      <TextArea name="note" label={t("note")} hint={t("noteHint")} errors={fieldErrors(state)} defaultValue={text("note")} rows={3} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("sending") : t("ask")}
      </button>
    </form>
  );
}

export function DecideClosureForm({ task }: { task: { id: string; version: number } }) {
  const t = useTranslations("closure");
  const [state, action, pending] = useActionState<FormState, FormData>(decideClosureAction, {});
  const text = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : "");
  return (
    <form action={action} className="card space-y-4 p-4" noValidate data-testid="decide-closure" key={JSON.stringify(state)}>
      <h2 className="text-lg font-semibold">{t("decideHeading")}</h2>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <Refusal state={state} />
      <TextArea name="reason" label={t("returnReason")} hint={t("returnReasonHint")} errors={fieldErrors(state)} defaultValue={text("reason")} rows={3} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="confirm" className="btn-primary" disabled={pending}>
          {t("confirm")}
        </button>
        <button type="submit" name="decision" value="return" className="btn-secondary" disabled={pending}>
          {t("return")}
        </button>
      </div>
    </form>
  );
}
