"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormAlert } from "@/components/ui/form";
import type { FormState } from "@/lib/form-action";
import { saveTaskProgress } from "@/lib/tasks/actions";
import { TASK_STATUSES } from "@/lib/tasks/schemas";

interface Props {
  task: {
    id: string;
    campaignId: string;
    version: number;
    percentDone: number;
    status: (typeof TASK_STATUSES)[number];
    overdueReason: string | null;
    remedy: string | null;
  };
  /** Past due and not 销号: 逾期原因 and 整改措施 are required. */
  overdue: boolean;
}

export function TaskProgressForm({ task, overdue }: Props) {
  const t = useTranslations("tasks");
  const [state, action, pending] = useActionState<FormState, FormData>(saveTaskProgress, {});
  const result = state.result;
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const conflict = result && !result.ok && result.error === "conflict" ? result.current : null;
  const v = state.values;
  // After a conflict the form carries the version the user has now seen, so saving again is a decision.
  const version = conflict ? String(conflict.version) : (v?.version ?? String(task.version));

  return (
    <form action={action} className="card space-y-4 p-4" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="campaignId" value={task.campaignId} />
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={version} />
      <FormAlert>
        {conflict && (
          <div role="alert" data-testid="conflict" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
            {t("conflict", {
              percent: String(conflict.percentDone),
              status: t(`status.${String(conflict.status)}`),
            })}
          </div>
        )}
        {result && !result.ok && result.error === "locked" && (
          <p role="alert" className="field-error">
            {t("closureLocked")}
          </p>
        )}
        {result && !result.ok && (result.error === "notFound" || result.error === "forbidden") && (
          <p role="alert" className="field-error">
            {t("notAllowed")}
          </p>
        )}
      </FormAlert>
      <div>
        <label htmlFor="percentDone" className="label">
          {t("percentDone")}
        </label>
        <input
          id="percentDone"
          name="percentDone"
          inputMode="numeric"
          className="input max-w-32"
          defaultValue={v?.percentDone ?? String(task.percentDone)}
          aria-invalid={errors.percentDone ? true : undefined}
          aria-describedby={errors.percentDone ? "percentDone-error" : "percentDone-hint"}
        />
        <p id="percentDone-hint" className="mt-1 text-xs text-slate-500">
          {t("percentHint")}
        </p>
        <FieldError id="percentDone-error" messages={errors.percentDone} />
      </div>
      <div>
        <label htmlFor="status" className="label">
          {t("statusLabel")}
        </label>
        <select
          id="status"
          name="status"
          className="input max-w-60"
          defaultValue={v?.status ?? task.status}
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={errors.status ? "status-error" : undefined}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <FieldError id="status-error" messages={errors.status} />
      </div>
      <div>
        <label htmlFor="note" className="label">
          {t("note")}
        </label>
        <textarea
          id="note"
          name="note"
          rows={3}
          className="input py-2"
          defaultValue={v?.note ?? ""}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "note-error" : undefined}
        />
        <FieldError id="note-error" messages={errors.note} />
      </div>
      {overdue && (
        <fieldset className="space-y-3 rounded-md border border-red-300 bg-red-50/40 p-3" data-testid="overdue-fields">
          <legend className="px-1 text-sm font-semibold text-red-900">{t("overdueLegend")}</legend>
          {(["overdueReason", "remedy"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={name} className="label">
                {t(name)}
              </label>
              <textarea
                id={name}
                name={name}
                rows={2}
                className="input py-2"
                defaultValue={v?.[name] ?? task[name] ?? ""}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${name}-error` : undefined}
              />
              <FieldError id={`${name}-error`} messages={errors[name]} />
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? t("saving") : conflict ? t("saveAnyway") : t("save")}
      </button>
    </form>
  );
}
