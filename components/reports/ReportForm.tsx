"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/Field";
import { ConfirmSubmit } from "@/components/ui/ConfirmSubmit";
import { FieldError, FormAlert } from "@/components/ui/form";
import type { FormState } from "@/lib/form-action";
import type { SavedReport } from "@/lib/reports/save";
import { NARRATIVE_FIELDS } from "@/lib/reports/schemas";
import type { MovedTask } from "@/lib/reports/save";
import { ConflictView } from "./ConflictView";
import { IndicatorInputs } from "./IndicatorInputs";
import { TaskInputs } from "./TaskInputs";
import type { BindInput, ReportIndicator, ReportTask } from "./types";
import { useAutosave } from "./useAutosave";
import { useLocalDraft } from "./useLocalDraft";

interface Props {
  campaignId: string;
  year: number;
  month: number;
  version: number;
  /** Field name → value as saved on the server (value.<id>, task.<id>.percent, progressText …). */
  initial: Record<string, string>;
  indicators: ReportIndicator[];
  tasks: ReportTask[];
  monthLabel: string;
  /** Who the report goes to, said in the confirmation before it is submitted. */
  submitNote: string;
  children?: React.ReactNode;
}

const time = (d: Date) => d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The monthly report as its lead fills it in: saved as they type, kept on the device, submitted after a confirmation. */
export function ReportForm(props: Props) {
  const t = useTranslations("report");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const local = useLocalDraft(`duban:report:${props.campaignId}:${props.year}-${props.month}`, props.version);

  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const [version, setVersion] = useState(props.version);
  const [taskVersions, setTaskVersions] = useState<Record<string, number>>(() => Object.fromEntries(props.tasks.map((task) => [task.id, task.version])));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // The latest answer from the server, whether to an autosave or to a button.
  const [latest, setLatest] = useState<FormState<SavedReport> | null>(null);
  const result = latest?.result;
  // A draft saved all but these (kept here with their errors); a refused save names them all.
  const errors = result?.ok ? (result.data?.fieldErrors ?? {}) : result?.error === "invalid" ? result.fieldErrors : {};
  const conflict = result && !result.ok && result.error === "conflict" ? result.current : null;
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);

  const onResult = useCallback(
    (s: FormState<SavedReport>) => {
      setLatest(s);
      const r = s.result;
      if (r && !r.ok && r.error === "conflict" && Array.isArray(r.current.movedTasks)) {
        // The lead now sees the tasks as saved; submitting again is a decision to replace them.
        const moved = r.current.movedTasks as MovedTask[];
        setTaskVersions((v) => ({ ...v, ...Object.fromEntries(moved.map((m) => [m.id, m.version])) }));
      }
      if (r?.ok && r.data) {
        setVersion(r.data.version);
        setSavedAt(new Date());
        setDirty(false);
        // Fields the server could not take stay only here (and on the device) until they are fixed.
        if (r.data.fieldErrors) local.keep(r.data.version, valuesRef.current);
        else local.clear();
        // Submitted (the page becomes read-only), or just created (evidence can now attach to it).
        if (r.data.status !== "DRAFT" && r.data.status !== "RETURNED") router.refresh();
        else if (r.data.version === 1) router.refresh();
      }
    },
    [router, local],
  );
  const { formAction, pending, offline } = useAutosave({ formRef, initialVersion: props.version, onResult, dirty, paused: !!conflict, changeKey: values });

  const set = (name: string, value: string) => {
    setValues((v) => {
      const next = { ...v, [name]: value };
      local.keep(version, next);
      return next;
    });
    setDirty(true);
  };
  const input: BindInput = (name) => ({ name, value: values[name] ?? "", onChange: (e) => set(name, e.target.value) });
  const errorCount = Object.keys(errors).length;
  const restorable = local.restorable;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-6" aria-describedby="report-status">
      <input type="hidden" name="campaignId" value={props.campaignId} />
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="month" value={props.month} />
      <input type="hidden" name="version" value={version} />
      {props.tasks.map((task) => (
        <input key={task.id} type="hidden" name={`taskVersion.${task.id}`} value={taskVersions[task.id] ?? task.version} />
      ))}

      <div id="report-status" className="text-sm text-slate-600" aria-live="polite">
        {offline ? (
          <span className="font-medium text-orange-800">{t("offline")}</span>
        ) : dirty ? (
          t("unsaved")
        ) : savedAt ? (
          errorCount > 0 ? (
            <span className="font-medium text-red-800">{t("savedExcept", { time: time(savedAt), count: errorCount })}</span>
          ) : (
            t("savedAt", { time: time(savedAt) })
          )
        ) : null}
      </div>

      {restorable && !dirty && !savedAt && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-900">
          <span>{t("localCopy")}</span>
          <button
            type="button"
            className="btn-secondary min-h-8 px-3"
            onClick={() => {
              setValues(restorable);
              setDirty(true);
            }}
          >
            {t("restore")}
          </button>
          <button type="button" className="link" onClick={local.clear}>
            {t("discard")}
          </button>
        </div>
      )}

      <FormAlert>
        {conflict && <ConflictView current={conflict} mine={values} indicators={props.indicators} tasks={props.tasks} />}
        {result && !result.ok && result.error === "locked" && (
          <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
            {t("locked")}
          </p>
        )}
        {result && !result.ok && (result.error === "notFound" || result.error === "forbidden") && (
          <p role="alert" className="field-error">
            {t("notAllowed")}
          </p>
        )}
        {errorCount > 0 && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {t("fixErrors", { count: errorCount })}
          </p>
        )}
        <FieldError id="month-error" messages={errors.month} />
        <FieldError id="form-error" messages={errors.form} />
      </FormAlert>

      <section aria-labelledby="values-heading" className="card p-4">
        <h2 id="values-heading" className="mb-3 text-lg font-semibold">
          {t("indicatorsHeading", { month: props.monthLabel })}
        </h2>
        <IndicatorInputs indicators={props.indicators} errors={errors} input={input} values={values} />
      </section>

      <section aria-labelledby="tasks-heading" className="card p-4">
        <h2 id="tasks-heading" className="mb-3 text-lg font-semibold">
          {t("tasksHeading")}
        </h2>
        <TaskInputs tasks={props.tasks} errors={errors} input={input} />
      </section>

      <section aria-labelledby="narrative-heading" className="card space-y-4 p-4">
        <h2 id="narrative-heading" className="text-lg font-semibold">
          {t("narrativeHeading")}
        </h2>
        {NARRATIVE_FIELDS.map((name) => (
          <Field key={name} id={name} label={t(`narrative.${name}`)} errors={errors[name]} hint={t(`narrativeHint.${name}`)}>
            {(aria) => <textarea {...aria} {...input(name)} rows={4} className="input py-2" />}
          </Field>
        ))}
      </section>

      {props.children}

      <div className="sticky bottom-0 -mx-3 flex flex-wrap gap-3 border-t border-slate-200 bg-white/95 p-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={pending}>
          {t("saveDraft")}
        </button>
        <ConfirmSubmit
          name="intent"
          value="submit"
          className="btn-primary flex-1 sm:flex-none"
          disabled={pending}
          label={pending ? t("working") : conflict ? t("submitMine") : t("submit")}
          title={t("confirmSubmitTitle", { month: props.monthLabel })}
          body={
            <>
              <p>{props.submitNote}</p>
              <p>{t("confirmSubmitWithdraw")}</p>
            </>
          }
          confirmLabel={t("confirmSubmit")}
          cancelLabel={t("confirmCancel")}
        />
      </div>
    </form>
  );
}
