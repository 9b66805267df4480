"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";
import type { FieldErrors } from "@/lib/errors";
import { TASK_STATUSES } from "@/lib/tasks/schemas";
import type { BindInput, ReportTask } from "./types";

/** Each task's progress as of the report. */
export function TaskInputs({ tasks, errors, input }: { tasks: ReportTask[]; errors: FieldErrors; input: BindInput }) {
  const t = useTranslations("report");
  const ts = useTranslations("tasks");
  const tc = useTranslations("closure");
  return (
    <ul className="divide-y divide-slate-200">
      {tasks.map((task) => (
        <li key={task.id} className={`py-3 ${task.nested ? "pl-4" : ""}`} data-testid="report-task">
          <p className="font-medium">{task.title}</p>
          <p className="mb-2 text-xs text-slate-500">
            {ts("owner", { name: task.owner })} · {ts("due", { date: task.due })}
          </p>
          {task.closure !== "OPEN" ? (
            <p className="text-sm text-slate-700" data-testid="report-task-locked">
              {task.percentDone}% · {ts(`status.${task.status}`)} · {tc(`locked.${task.closure}`)}
            </p>
          ) : (
            <div className="flex flex-wrap gap-3">
              <Field id={`task-${task.id}-percent`} label={t("percent")} errors={errors[`task.${task.id}.percent`]} className="w-32">
                {(aria) => <input {...aria} {...input(`task.${task.id}.percent`)} className="input num" inputMode="numeric" autoComplete="off" />}
              </Field>
              <Field id={`task-${task.id}-status`} label={t("status")} errors={errors[`task.${task.id}.status`]} className="min-w-40 flex-1">
                {(aria) => (
                  <select {...aria} {...input(`task.${task.id}.status`)} className="input">
                    {TASK_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ts(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
